// `unpivot` as a union of one select per `on` column (Polars' order: all rows of the first column,
// then of the next), each value cast to the value column's type as Polars casts it.

use polars::prelude::*;
use polars_plan::prelude::Node;

use super::PlanTranslator;
use crate::spark::expressions::{column, ORDER};
use crate::spark::literals::{py_str, spark_type_name};
use crate::spark::{Refuse, Translated};

impl PlanTranslator<'_> {
    pub(super) fn unpivot(&mut self, node: Node, input: Node, args: &UnpivotArgsIR) -> Translated<String> {
        let input_var = self.frame(input)?;
        let in_schema = self.schema(input);
        let out_schema = self.schema(node);
        let value_dtype = out_schema.get(&args.value_name).cloned().ok_or_else(|| Refuse::new("unpivot", "gives a schema the export cannot read", "name the value column"))?;
        if args.on.is_empty() {
            return Err(Refuse::new("unpivot", "without `on` columns is not translated by the export", "name the columns to unpivot"));
        }
        let mut parts = Vec::new();
        for (i, on) in args.on.iter().enumerate() {
            let dtype = in_schema.get(on).cloned().unwrap_or(DataType::Null);
            let value = cast_value(&column(on), &dtype, &value_dtype)?;
            let mut select: Vec<String> = args.index.iter().map(|c| column(c)).collect();
            select.push(format!("F.lit({}).alias({})", py_str(on), py_str(&args.variable_name)));
            select.push(format!("{value}.alias({})", py_str(&args.value_name)));
            select.push(format!("F.struct(F.lit({i}).alias(\"part\"), {ORDER}.alias(\"row\")).alias(_FE_ORDER)"));
            parts.push(format!("{input_var}.select({})", select.join(", ")));
        }
        let mut code = parts[0].clone();
        for part in &parts[1..] {
            code = format!("{code}.unionByName({part})");
        }
        Ok(self.emit(code))
    }
}

/// An `on` column as the value column's type: numbers widen exactly, integers, booleans,
/// strings and dates print the same in Spark as in Polars; anything else is refused.
fn cast_value(x: &str, from: &DataType, to: &DataType) -> Translated<String> {
    if from == to {
        return Ok(x.to_string());
    }
    let refuse = || Refuse::new("unpivot", format!("of a {from} column into a {to} value column is not translated by the export (the values would print differently)"), "unpivot columns of one type");
    let spark = spark_type_name(to).ok_or_else(refuse)?;
    let exact_number = from.is_primitive_numeric() && to.is_primitive_numeric() && (to.is_float() || from.is_integer());
    let prints_same = matches!(to, DataType::String) && (from.is_integer() || from.is_bool() || matches!(from, DataType::String | DataType::Categorical(..) | DataType::Enum(..) | DataType::Date));
    if exact_number || prints_same || matches!(from, DataType::Null) {
        Ok(format!("{x}.cast({})", py_str(&spark)))
    } else {
        Err(refuse())
    }
}
