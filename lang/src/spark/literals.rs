// Values and types as PySpark code: Python literals, Spark type names and constructors, and
// the Python Polars dtype names the lineage records.

use polars::prelude::*;

use super::{Refuse, Translated};

/// A Python string literal (JSON escapes mean the same in Python).
pub fn py_str(text: &str) -> String {
    serde_json::to_string(text).expect("a string always serialises")
}

/// A Python float literal that reads back to the same f64.
pub fn py_float(value: f64) -> String {
    if value.is_nan() {
        "float(\"nan\")".into()
    } else if value.is_infinite() {
        if value > 0.0 { "float(\"inf\")".into() } else { "float(\"-inf\")".into() }
    } else {
        let text = format!("{value:?}");
        if text.contains('.') || text.contains('e') || text.contains("inf") { text } else { format!("{text}.0") }
    }
}

/// The Spark SQL type name a Polars dtype becomes (`None`: no faithful Spark type).
pub fn spark_type_name(dtype: &DataType) -> Option<String> {
    Some(match dtype {
        DataType::Boolean => "boolean".into(),
        DataType::Int8 => "tinyint".into(),
        DataType::Int16 => "smallint".into(),
        DataType::Int32 => "int".into(),
        DataType::Int64 => "bigint".into(),
        // Unsigned integers widen to the next signed type: every value fits.
        DataType::UInt8 => "smallint".into(),
        DataType::UInt16 => "int".into(),
        DataType::UInt32 => "bigint".into(),
        DataType::Float32 => "float".into(),
        DataType::Float64 => "double".into(),
        DataType::String | DataType::Categorical(..) | DataType::Enum(..) => "string".into(),
        DataType::Date => "date".into(),
        DataType::Datetime(TimeUnit::Microseconds | TimeUnit::Milliseconds, None) => "timestamp_ntz".into(),
        // Durations are integers of their time unit (see docs/spark-export.md).
        DataType::Duration(_) => "bigint".into(),
        DataType::List(inner) => format!("array<{}>", spark_type_name(inner)?),
        DataType::Struct(fields) => {
            let mut parts = Vec::new();
            for f in fields {
                parts.push(format!("`{}`:{}", f.name().replace('`', "``"), spark_type_name(f.dtype())?));
            }
            format!("struct<{}>", parts.join(","))
        }
        _ => return None,
    })
}

/// The PySpark type constructor (`T.LongType()`) of a Polars dtype.
pub fn spark_type_ctor(dtype: &DataType) -> Option<String> {
    Some(match dtype {
        DataType::Boolean => "T.BooleanType()".into(),
        DataType::Int8 => "T.ByteType()".into(),
        DataType::Int16 | DataType::UInt8 => "T.ShortType()".into(),
        DataType::Int32 | DataType::UInt16 => "T.IntegerType()".into(),
        DataType::Int64 | DataType::UInt32 | DataType::Duration(_) => "T.LongType()".into(),
        DataType::Float32 => "T.FloatType()".into(),
        DataType::Float64 => "T.DoubleType()".into(),
        DataType::String | DataType::Categorical(..) | DataType::Enum(..) => "T.StringType()".into(),
        DataType::Date => "T.DateType()".into(),
        DataType::Datetime(TimeUnit::Microseconds | TimeUnit::Milliseconds, None) => "T.TimestampNTZType()".into(),
        DataType::List(inner) => format!("T.ArrayType({})", spark_type_ctor(inner)?),
        _ => return None,
    })
}

/// Parses the dtype names the lineage records (Python Polars spellings).
pub fn dtype_from_python_name(name: &str) -> Option<DataType> {
    let name = name.trim();
    Some(match name {
        "Boolean" => DataType::Boolean,
        "Int8" => DataType::Int8,
        "Int16" => DataType::Int16,
        "Int32" => DataType::Int32,
        "Int64" => DataType::Int64,
        "UInt8" => DataType::UInt8,
        "UInt16" => DataType::UInt16,
        "UInt32" => DataType::UInt32,
        "UInt64" => DataType::UInt64,
        "Float32" => DataType::Float32,
        "Float64" => DataType::Float64,
        "String" | "Utf8" => DataType::String,
        "Date" => DataType::Date,
        "Categorical" => DataType::from_categories(Categories::global()),
        _ => {
            if let Some(inner) = name.strip_prefix("Datetime(").and_then(|r| r.strip_suffix(')')) {
                let unit = time_unit_in(inner)?;
                if !inner.contains("time_zone=None") {
                    return None;
                }
                DataType::Datetime(unit, None)
            } else if let Some(inner) = name.strip_prefix("Duration(").and_then(|r| r.strip_suffix(')')) {
                DataType::Duration(time_unit_in(inner)?)
            } else if let Some(inner) = name.strip_prefix("List(").and_then(|r| r.strip_suffix(')')) {
                DataType::List(Box::new(dtype_from_python_name(inner)?))
            } else {
                return None;
            }
        }
    })
}

fn time_unit_in(text: &str) -> Option<TimeUnit> {
    if text.contains("'us'") {
        Some(TimeUnit::Microseconds)
    } else if text.contains("'ms'") {
        Some(TimeUnit::Milliseconds)
    } else if text.contains("'ns'") {
        Some(TimeUnit::Nanoseconds)
    } else {
        None
    }
}

pub fn unit_name(unit: TimeUnit) -> &'static str {
    match unit {
        TimeUnit::Nanoseconds => "ns",
        TimeUnit::Microseconds => "us",
        TimeUnit::Milliseconds => "ms",
    }
}

/// A Python value (for helper arguments: an int, float, str, bool or None).
pub fn python_value(value: &AnyValue<'_>) -> Translated<String> {
    Ok(match value {
        AnyValue::Null => "None".into(),
        AnyValue::Boolean(b) => if *b { "True".into() } else { "False".into() },
        AnyValue::String(s) => py_str(s),
        AnyValue::StringOwned(s) => py_str(s),
        AnyValue::Float32(f) => py_float(*f as f64),
        AnyValue::Float64(f) => py_float(*f),
        v if v.dtype().is_integer() => v.extract::<i64>().map(|i| i.to_string()).ok_or_else(|| Refuse::new("literal", "is an integer outside 64 bits", "use a smaller value"))?,
        other => return Err(Refuse::new("literal", format!("of type {} has no Python value here", other.dtype()), "use a number or a string")),
    })
}

/// A Spark column holding one value of `dtype`.
pub fn spark_literal(value: &AnyValue<'_>, dtype: &DataType) -> Translated<String> {
    let typed_null = |dtype: &DataType| -> Translated<String> {
        let name = spark_type_name(dtype).ok_or_else(|| Refuse::new("lit", format!("of type {dtype} has no Spark type"), "cast it to a number or a string"))?;
        Ok(format!("F.lit(None).cast({})", py_str(&name)))
    };
    Ok(match value {
        AnyValue::Null if matches!(dtype, DataType::Null) => "F.lit(None)".into(),
        AnyValue::Null => typed_null(dtype)?,
        AnyValue::Date(days) => {
            let (y, m, d) = civil_from_days(*days as i64);
            format!("F.lit(\"{y:04}-{m:02}-{d:02}\").cast(\"date\")")
        }
        AnyValue::Datetime(n, unit, None) | AnyValue::DatetimeOwned(n, unit, None) => {
            let micros = match unit {
                TimeUnit::Nanoseconds => n.div_euclid(1000),
                TimeUnit::Microseconds => *n,
                TimeUnit::Milliseconds => n * 1000,
            };
            let (days, in_day) = (micros.div_euclid(86_400_000_000), micros.rem_euclid(86_400_000_000));
            let (y, m, d) = civil_from_days(days);
            let (secs, us) = (in_day / 1_000_000, in_day % 1_000_000);
            format!("F.lit(\"{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}.{us:06}\").cast(\"timestamp_ntz\")", secs / 3600, secs / 60 % 60, secs % 60)
        }
        AnyValue::Duration(n, unit) => {
            // Durations are integers of the unit of the dtype they take part in.
            let target = match dtype {
                DataType::Duration(u) => *u,
                _ => *unit,
            };
            format!("F.lit({})", convert_units(*n, *unit, target))
        }
        AnyValue::Boolean(_) | AnyValue::String(_) | AnyValue::StringOwned(_) | AnyValue::Float32(_) | AnyValue::Float64(_) => {
            let cast = match dtype {
                DataType::Float32 => ".cast(\"float\")",
                _ => "",
            };
            format!("F.lit({}){cast}", python_value(value)?)
        }
        v if v.dtype().is_integer() => {
            let cast = match dtype {
                DataType::Int64 | DataType::UInt32 | DataType::UInt64 => ".cast(\"bigint\")",
                DataType::Float64 => ".cast(\"double\")",
                DataType::Float32 => ".cast(\"float\")",
                _ => "",
            };
            format!("F.lit({}){cast}", python_value(value)?)
        }
        other => return Err(Refuse::new("lit", format!("of type {} has no Spark literal in the export", other.dtype()), "use a number, a string, a date or a datetime")),
    })
}

pub fn convert_units(n: i64, from: TimeUnit, to: TimeUnit) -> i64 {
    let per_ns = |u: TimeUnit| match u {
        TimeUnit::Nanoseconds => 1i64,
        TimeUnit::Microseconds => 1_000,
        TimeUnit::Milliseconds => 1_000_000,
    };
    n * per_ns(from) / per_ns(to)
}

/// Year, month, day of a count of days since 1970-01-01 (H. Hinnant's civil_from_days).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}
