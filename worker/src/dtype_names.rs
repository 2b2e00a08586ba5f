// Data types as Python Polars spells them (`Float64`, `String`, `Datetime(time_unit='us', …)`):
// users read schemas and apply summaries in the language their feature code is written in.

use polars::prelude::{DataType, TimeUnit};

/// The `repr` Python Polars gives this data type.
pub fn python_name(dtype: &DataType) -> String {
    match dtype {
        DataType::Boolean => "Boolean".into(),
        DataType::UInt8 => "UInt8".into(),
        DataType::UInt16 => "UInt16".into(),
        DataType::UInt32 => "UInt32".into(),
        DataType::UInt64 => "UInt64".into(),
        DataType::Int8 => "Int8".into(),
        DataType::Int16 => "Int16".into(),
        DataType::Int32 => "Int32".into(),
        DataType::Int64 => "Int64".into(),
        DataType::Float32 => "Float32".into(),
        DataType::Float64 => "Float64".into(),
        DataType::String => "String".into(),
        DataType::Binary => "Binary".into(),
        DataType::Date => "Date".into(),
        DataType::Time => "Time".into(),
        DataType::Null => "Null".into(),
        DataType::Datetime(unit, zone) => {
            let zone = zone.as_ref().map(|z| format!("'{z}'")).unwrap_or_else(|| "None".into());
            format!("Datetime(time_unit='{}', time_zone={zone})", unit_name(*unit))
        }
        DataType::Duration(unit) => format!("Duration(time_unit='{}')", unit_name(*unit)),
        DataType::List(inner) => format!("List({})", python_name(inner)),
        DataType::Categorical(..) => "Categorical".into(),
        DataType::Enum(..) => "Enum".into(),
        DataType::Struct(fields) => {
            let fields: Vec<String> =
                fields.iter().map(|f| format!("'{}': {}", f.name(), python_name(f.dtype()))).collect();
            format!("Struct({{{}}})", fields.join(", "))
        }
        other => format!("{other:?}"),
    }
}

fn unit_name(unit: TimeUnit) -> &'static str {
    match unit {
        TimeUnit::Nanoseconds => "ns",
        TimeUnit::Microseconds => "us",
        TimeUnit::Milliseconds => "ms",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_python_polars_reprs() {
        assert_eq!(python_name(&DataType::Float64), "Float64");
        assert_eq!(python_name(&DataType::String), "String");
        assert_eq!(python_name(&DataType::List(Box::new(DataType::Int32))), "List(Int32)");
        assert_eq!(
            python_name(&DataType::Datetime(TimeUnit::Microseconds, None)),
            "Datetime(time_unit='us', time_zone=None)"
        );
        assert_eq!(python_name(&DataType::Duration(TimeUnit::Milliseconds)), "Duration(time_unit='ms')");
    }
}
