// Fitted literals: the Python values a step takes from the data, recorded on the data and given
// back to a run on schema-only frames, make the plan that run on the data built (the PySpark
// export's literals), and `to_dummies` rebuilt from its record is Polars' own output.

use fe_lang::spark::{translate_step, SparkInput};
use fe_lang::{collect, run_cell, run_cell_on_schema, run_cell_recording, Frames, Limits};
use polars::prelude::*;

fn tx() -> DataFrame {
    df!(
        "id" => [1i64, 2, 3, 4, 5, 6],
        "amount" => [Some(2.5f64), None, Some(4.0), Some(9.5), Some(1.0), Some(4.0)],
        "channel" => [Some("web"), Some("app"), Some("web"), None, Some("store"), Some("app")],
        "rating" => [Some(3i32), Some(1), None, Some(3), Some(5), Some(1)],
    )
    .unwrap()
}

fn frames(df: DataFrame) -> Frames {
    Frames::from([("tx".to_string(), df.lazy())])
}

fn input() -> SparkInput {
    SparkInput { name: "tx".into(), schema: tx().schema().as_ref().clone(), variable: "tx_loaded".into() }
}

#[test]
fn values_taken_from_the_data_become_the_literals_they_were() {
    let step = "threshold = df[\"amount\"].quantile(0.75)\nrows = df.height\ndf = df.with_columns(big=pl.col(\"amount\") > threshold, n=pl.lit(rows))";
    let (_, taken) = run_cell_recording(step, "tx", &frames(tx()), &Limits::default()).unwrap();
    assert_eq!(taken.describe(), ["4.0", "6"]);
    let without = translate_step(step, "tx", &[input()], "s", None).unwrap_err();
    assert!(without.reads_data() && without.line == 1, "{without}");
    let code = translate_step(step, "tx", &[input()], "s", Some(&taken)).unwrap_or_else(|r| panic!("{r}")).lines.join("\n");
    assert!(code.contains("4.0") && code.contains("F.lit(6)"), "{code}");
}

#[test]
fn a_run_on_other_data_with_the_record_uses_the_recorded_values() {
    let step = "m = df[\"amount\"].mean()\ndf = df.with_columns(centred=pl.col(\"amount\") - m)";
    let (_, taken) = run_cell_recording(step, "tx", &frames(tx()), &Limits::default()).unwrap();
    let other = df!("id" => [7i64], "amount" => [Some(100.0f64)], "channel" => [Some("web")], "rating" => [Some(2i32)]).unwrap();
    let out = collect(run_cell_on_schema(step, "tx", &frames(other), &Limits::default(), &taken).unwrap().frame).unwrap();
    let centred = out.column("centred").unwrap().f64().unwrap().get(0).unwrap();
    assert!((centred - (100.0 - 4.2)).abs() < 1e-12, "{centred}");
}

#[test]
fn to_dummies_rebuilt_from_its_record_is_polars_own_output() {
    for call in [
        "df.to_dummies(columns=[\"channel\"])",
        "df.to_dummies(columns=[\"channel\", \"rating\"], separator=\"=\", drop_first=True)",
        "df.to_dummies(columns=[\"channel\"], drop_nulls=True)",
        "df.select(\"channel\", \"rating\").to_dummies()",
    ] {
        let step = format!("df = {call}");
        let polars = collect(run_cell(&step, "tx", &frames(tx()), &Limits::default()).unwrap().frame).unwrap();
        let (_, taken) = run_cell_recording(&step, "tx", &frames(tx()), &Limits::default()).unwrap();
        let rebuilt = collect(run_cell_on_schema(&step, "tx", &frames(tx()), &Limits::default(), &taken).unwrap().frame).unwrap();
        assert!(rebuilt.equals_missing(&polars), "{call}:\n{rebuilt}\n{polars}");
        assert_eq!(rebuilt.schema(), polars.schema(), "{call}");
    }
}

#[test]
fn a_value_the_recorded_data_did_not_hold_sets_no_indicator() {
    let step = "df = df.to_dummies(columns=[\"channel\"])";
    let (_, taken) = run_cell_recording(step, "tx", &frames(tx()), &Limits::default()).unwrap();
    let other = df!("id" => [7i64, 8], "amount" => [1.0f64, 2.0], "channel" => [Some("phone"), None], "rating" => [1i32, 2]).unwrap();
    let out = collect(run_cell_on_schema(step, "tx", &frames(other), &Limits::default(), &taken).unwrap().frame).unwrap();
    let names: Vec<&str> = out.get_column_names().iter().map(|n| n.as_str()).collect();
    assert_eq!(names, ["id", "amount", "channel_app", "channel_null", "channel_store", "channel_web", "rating"]);
    for indicator in ["channel_app", "channel_store", "channel_web"] {
        assert_eq!(out.column(indicator).unwrap().u8().unwrap().into_no_null_iter().collect::<Vec<_>>(), [0, 0], "{indicator}");
    }
    assert_eq!(out.column("channel_null").unwrap().u8().unwrap().into_no_null_iter().collect::<Vec<_>>(), [0, 1]);
}
