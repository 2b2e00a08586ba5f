// Collecting plans: Polars `Deprecation:` warnings (behaviours Python Polars 2.x removed)
// become errors, and collected cells become interpreter values.

use std::sync::{Mutex, Once};

use polars::prelude::*;

use super::failure::{Fail, Result};
use super::values::Value;
use crate::diagnostics::Code;

static WARNINGS: Mutex<Vec<String>> = Mutex::new(Vec::new());
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
static INSTALL: Once = Once::new();

fn record_warning(message: &str, warning: polars::error::PolarsWarning) {
    if matches!(warning, polars::error::PolarsWarning::Deprecation) {
        if let Ok(mut warnings) = WARNINGS.lock() {
            warnings.push(message.to_string());
        }
    }
}

/// Run `work` and fail if Polars printed a deprecation warning meanwhile.
pub(crate) fn with_deprecations_as_errors<T>(work: impl FnOnce() -> PolarsResult<T>) -> Result<T> {
    INSTALL.call_once(|| polars::error::set_warning_function(record_warning));
    let _guard = ONE_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    WARNINGS.lock().map(|mut w| w.clear()).ok();
    let result = catch_polars_panic(work)?;
    let warnings: Vec<String> = WARNINGS.lock().map(|mut w| std::mem::take(&mut *w)).unwrap_or_default();
    let value = result.map_err(Fail::from)?;
    if let Some(first) = warnings.first() {
        return Err(Fail::new(Code::Deprecated, format!("Python Polars 2.x refuses this: {first}"))
            .hint("make the types explicit (e.g. `.cast(...)`, `str.to_date(...)`, compare with values of the column's type)"));
    }
    Ok(value)
}

/// Run Polars code, turning a panic inside Polars (an unimplemented path or an internal bug)
/// into an execution error instead of letting it reach the user. Polars' own abort (raised at
/// its check points after SIGINT) is not an error of the plan: it goes on to whoever asked for
/// the interrupt.
pub(crate) fn catch_polars_panic<T>(work: impl FnOnce() -> T) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|payload| {
        let detail = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_string());
        if detail.contains(POLARS_ABORT_MARKER) {
            std::panic::resume_unwind(payload);
        }
        Fail::new(Code::PolarsError, format!("Rust Polars failed internally on this plan ({detail})"))
            .hint("this combination is not supported by the engine; the frame is unchanged — write the step another way (e.g. cast first, or split it into two `with_columns`)")
    })
}

/// The text Polars puts in the panic it raises to abort a query (`polars_error::abort`).
const POLARS_ABORT_MARKER: &str = "__POLARS_ABORT_";

/// Collect a plan with deprecations turned into errors.
pub(crate) fn collect_checked(lf: LazyFrame) -> Result<DataFrame> {
    with_deprecations_as_errors(|| lf.collect())
}

/// Resolve a plan's schema with deprecations turned into errors.
pub(crate) fn schema_checked(lf: &LazyFrame) -> Result<SchemaRef> {
    let mut lf = lf.clone();
    with_deprecations_as_errors(|| lf.collect_schema())
}

/// A collected cell as an interpreter value.
pub(crate) fn value_of(any: AnyValue<'_>) -> Value {
    match any {
        AnyValue::Null => Value::None,
        AnyValue::Boolean(b) => Value::Bool(b),
        AnyValue::Int8(v) => Value::Int(v as i64),
        AnyValue::Int16(v) => Value::Int(v as i64),
        AnyValue::Int32(v) => Value::Int(v as i64),
        AnyValue::Int64(v) => Value::Int(v),
        AnyValue::UInt8(v) => Value::Int(v as i64),
        AnyValue::UInt16(v) => Value::Int(v as i64),
        AnyValue::UInt32(v) => Value::Int(v as i64),
        AnyValue::UInt64(v) => i64::try_from(v).map(Value::Int).unwrap_or(Value::Float(v as f64)),
        AnyValue::Float32(v) => Value::Float(v as f64),
        AnyValue::Float64(v) => Value::Float(v),
        AnyValue::String(s) => Value::str(s),
        AnyValue::StringOwned(s) => Value::str(s.as_str()),
        // A list value is a Python list (Python gives a Series; its items and len() are the same).
        AnyValue::List(series) => Value::list(series.iter().map(|v| value_of(v.into_static())).collect()),
        other => {
            if let Some(text) = other.get_str() {
                return Value::str(text);
            }
            // A struct value is a dict of its fields, as Python gives it.
            let other = other.into_static();
            if let AnyValue::StructOwned(payload) = &other {
                let mut fields = super::values::Dict::default();
                for (value, field) in payload.0.iter().zip(payload.1.iter()) {
                    fields.insert(Value::str(field.name().as_str()), value_of(value.clone()));
                }
                return Value::dict(fields);
            }
            let dtype = other.dtype();
            Value::Scalar(Scalar::new(dtype, other.into_static()))
        }
    }
}

/// Every value of a column as interpreter values.
pub(crate) fn values_of(column: &polars::prelude::Column) -> Result<Vec<Value>> {
    let series = column.as_materialized_series();
    let mut out = Vec::with_capacity(series.len());
    for i in 0..series.len() {
        out.push(value_of(series.get(i).map_err(Fail::from)?));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_polars_becomes_an_execution_error() {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let caught = catch_polars_panic(|| -> u32 { panic!("not yet implemented") });
        std::panic::set_hook(previous);
        let fail = caught.expect_err("the panic is caught");
        assert_eq!(fail.code, Code::PolarsError);
        assert!(fail.message.contains("not yet implemented") && fail.hint.is_some());
    }
}
