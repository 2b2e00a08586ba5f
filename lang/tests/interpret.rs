// Accepted cells on small frames built in Rust: the values, names and dtypes a user relies on
// (the full equality proof against Python Polars lives in tests/differential).

use std::collections::BTreeMap;

use fe_lang::{check_cell, run_cell, Code, DiagnosticKind, Frames, Limits};
use polars::prelude::*;

fn frames() -> Frames {
    let tx = df!(
        "id" => [1i64, 2, 3, 4, 5, 6],
        "cust" => ["a", "b", "a", "c", "b", "a"],
        "amount" => [Some(10.0f64), Some(20.0), None, Some(40.0), Some(50.0), Some(60.0)],
        "qty" => [1i32, 2, 3, 4, 5, 6],
        "text" => ["Hello World", "foo", "Bar baz", "x", "", "abc"],
        "target" => [0i64, 1, 0, 1, 1, 0]
    )
    .unwrap();
    let customers = df!("cust" => ["a", "b", "c"], "segment" => ["gold", "silver", "gold"]).unwrap();
    let mut frames = Frames::new();
    frames.insert("tx".to_string(), tx.lazy());
    frames.insert("customers".to_string(), customers.lazy());
    frames
}

fn run(source: &str) -> DataFrame {
    let out = run_cell(source, "tx", &frames(), &Limits::default()).unwrap_or_else(|d| panic!("{}", d.render(source)));
    fe_lang::collect(out.frame).unwrap_or_else(|d| panic!("{}", d.render(source)))
}

fn floats(df: &DataFrame, name: &str) -> Vec<Option<f64>> {
    df.column(name).unwrap().as_materialized_series().cast(&DataType::Float64).unwrap().f64().unwrap().iter().collect()
}

fn strings(df: &DataFrame, name: &str) -> Vec<Option<String>> {
    df.column(name).unwrap().as_materialized_series().cast(&DataType::String).unwrap().str().unwrap().iter().map(|s| s.map(String::from)).collect()
}

#[test]
fn with_columns_accepts_positional_list_and_keyword_forms() {
    let df = run("import polars as pl\n\
        df = df.with_columns(\n    (pl.col('amount') / pl.col('qty')).alias('unit'),\n    [pl.col('qty') * 2],\n    doubled=pl.col('amount') * 2,\n)\n");
    let names: Vec<&str> = df.get_column_names().iter().map(|n| n.as_str()).collect();
    assert_eq!(names, ["id", "cust", "amount", "qty", "text", "target", "unit", "doubled"]);
    assert_eq!(floats(&df, "unit")[1], Some(10.0));
    assert_eq!(df.column("qty").unwrap().dtype(), &DataType::Int32, "Python keeps Int32 * int literal as Int32");
    assert_eq!(floats(&df, "qty")[0], Some(2.0));
    assert_eq!(floats(&df, "doubled")[2], None);
}

#[test]
fn integer_division_is_true_division() {
    let df = run("df = df.select((pl.col('qty') / 4).alias('q'), (pl.col('qty') // 4).alias('f'))");
    assert_eq!(df.column("q").unwrap().dtype(), &DataType::Float64);
    assert_eq!(floats(&df, "q")[0], Some(0.25));
    assert_eq!(floats(&df, "f")[5], Some(1.0));
}

#[test]
fn loops_comprehensions_fstrings_and_helpers_build_features() {
    let source = r#"
def ratio(a, b, name=None):
    """Safe ratio."""
    return (pl.col(a) / pl.col(b)).alias(name or f"{a}_per_{b}")

numeric = [c for c, t in df.schema.items() if t.is_numeric() and c not in ("id", "target")]
feats = {f"{c}_x2": pl.col(c) * 2 for c in numeric}
df = df.with_columns(**feats)
for c in ["amount"]:
    df = df.with_columns(ratio(c, "qty"))
"#;
    let df = run(source);
    assert!(df.column("amount_x2").is_ok() && df.column("qty_x2").is_ok());
    assert_eq!(floats(&df, "amount_per_qty")[3], Some(10.0));
}

#[test]
fn scalars_taken_from_frames_are_python_values() {
    let source = "m = df['amount'].mean()\nq = df['amount'].quantile(0.9)\nn = df.height\nmx = df.select(pl.col('qty').max()).item()\ndf = df.with_columns((pl.col('amount') - m).alias('centered'), pl.lit(n).alias('n'), pl.lit(mx).alias('mx'), (pl.col('amount') > q).alias('top'))";
    let df = run(source);
    assert_eq!(floats(&df, "centered")[0], Some(10.0 - 36.0));
    assert_eq!(floats(&df, "n")[0], Some(6.0));
    assert_eq!(floats(&df, "mx")[0], Some(6.0));
}

#[test]
fn group_by_agg_joined_back_keeps_row_order() {
    let source = "stats = df.group_by('cust').agg(pl.col('amount').mean().alias('cust_mean'), pl.len().alias('n'))\ndf = df.join(stats, on='cust', how='left')";
    let df = run(source);
    assert_eq!(floats(&df, "id"), [1.0, 2.0, 3.0, 4.0, 5.0, 6.0].map(Some).to_vec());
    assert_eq!(floats(&df, "cust_mean")[0], Some(35.0));
    assert_eq!(df.column("n").unwrap().dtype(), &DataType::UInt32);
}

#[test]
fn windows_rank_and_cumulative_functions() {
    let source = "df = df.with_columns(\n    pl.col('amount').sum().over('cust').alias('cust_total'),\n    pl.col('qty').rank().alias('r'),\n    pl.col('qty').cum_sum().alias('cs'),\n    pl.col('qty').rolling_mean(3).alias('rm'),\n    pl.col('qty').shift(1).alias('prev'),\n    pl.col('qty').diff().alias('d'),\n)";
    let df = run(source);
    assert_eq!(floats(&df, "cust_total")[0], Some(70.0));
    assert_eq!(floats(&df, "r")[0], Some(1.0));
    assert_eq!(df.column("r").unwrap().dtype(), &DataType::Float64, "rank defaults to average");
    assert_eq!(floats(&df, "cs")[5], Some(21.0));
    assert_eq!(floats(&df, "rm")[..3], [None, None, Some(2.0)], "min_samples defaults to the window");
    assert_eq!(floats(&df, "prev")[0], None);
}

#[test]
fn when_then_otherwise_and_string_rules() {
    let source = "df = df.with_columns(\n    pl.when(pl.col('amount') > 30).then(pl.lit('high')).when(pl.col('amount') > 15).then(pl.lit('mid')).otherwise(pl.lit('low')).alias('band'),\n    pl.col('cust').is_in(['a', 'c']).alias('ac'),\n    pl.col('text').str.to_lowercase().str.contains('o').alias('has_o'),\n    pl.concat_str([pl.col('cust'), pl.lit('-'), pl.col('id')]).alias('key'),\n)";
    let df = run(source);
    assert_eq!(strings(&df, "band"), ["low", "mid", "low", "high", "high", "high"].map(|s| Some(s.to_string())).to_vec());
    assert_eq!(strings(&df, "key")[0].as_deref(), Some("a-1"));
    let ac: Vec<Option<bool>> = df.column("ac").unwrap().bool().unwrap().iter().collect();
    assert_eq!(ac, [true, false, true, true, false, true].map(Some).to_vec());
    // A bare string in then() is a column name, as in Python.
    let err = run_cell("df = df.with_columns(pl.when(pl.col('qty') > 1).then('high').otherwise(pl.lit('x')).alias('b'))", "tx", &frames(), &Limits::default())
        .err()
        .expect("column `high` does not exist");
    assert_eq!(err.0[0].kind, DiagnosticKind::Execution);
    assert_eq!((err.0[0].line, err.0[0].column), (1, 9), "{err:?}");
}

#[test]
fn polars_errors_carry_the_line_of_the_call() {
    let source = "x = 1\n\ndf = df.with_columns(pl.col('nope') + 1)\n";
    let err = run_cell(source, "tx", &frames(), &Limits::default()).err().expect("missing column");
    assert_eq!(err.0[0].code, Code::PolarsError);
    assert_eq!(err.0[0].line, 3);
    assert!(err.render(source).contains("nope"));
}

#[test]
fn selectors_math_and_numpy() {
    let source = "import numpy as np\nimport math\nimport polars.selectors as cs\ndf = df.select(cs.numeric().exclude('id', 'target').name.suffix('_f'), np.log1p(pl.col('qty')).alias('l'), (pl.col('qty') * math.pi).alias('p'))";
    let df = run(source);
    let names: Vec<&str> = df.get_column_names().iter().map(|n| n.as_str()).collect();
    assert_eq!(names, ["amount_f", "qty_f", "l", "p"]);
    assert!((floats(&df, "l")[0].unwrap() - 2f64.ln()).abs() < 1e-12);
}

#[test]
fn frame_fill_null_fills_only_matching_types() {
    let df = run("df = df.with_columns(pl.lit(None).cast(pl.String).alias('s')).fill_null(0)");
    assert_eq!(floats(&df, "amount")[2], Some(0.0));
    assert_eq!(strings(&df, "s")[0], None, "a numeric fill leaves String columns alone");
}

#[test]
fn to_dummies_cut_and_replace_strict() {
    let df = run("df = df.select('id', 'cust').to_dummies('cust')");
    let names: Vec<&str> = df.get_column_names().iter().map(|n| n.as_str()).collect();
    assert_eq!(names, ["id", "cust_a", "cust_b", "cust_c"]);
    let df = run("df = df.with_columns(pl.col('cust').replace_strict({'a': 1, 'b': 2}, default=0).alias('code'))");
    assert_eq!(floats(&df, "code"), [1.0, 2.0, 1.0, 0.0, 2.0, 1.0].map(Some).to_vec());
    let df = run("df = df.with_columns(pl.col('qty').cut([2, 4], labels=['lo', 'mid', 'hi']).alias('bin'))");
    assert_eq!(strings(&df, "bin")[..3], [Some("lo".to_string()), Some("lo".to_string()), Some("mid".to_string())]);
}

#[test]
fn other_frames_are_visible_by_name() {
    let df = run("df = df.join(customers, on='cust', how='left').filter(pl.col('segment') == 'gold')");
    assert_eq!(df.height(), 4);
}

#[test]
fn columns_read_reports_what_the_code_touches() {
    let out = run_cell("df = df.with_columns((pl.col('amount') * 2).alias('a2'))", "tx", &frames(), &Limits::default()).unwrap();
    assert_eq!(out.columns_read.iter().collect::<Vec<_>>(), ["amount"]);
    let out = run_cell("import polars.selectors as cs\ndf = df.select(cs.numeric())", "tx", &frames(), &Limits::default()).unwrap();
    assert!(out.columns_read.contains("target"), "a selector reading the target must be reported");
}

#[test]
fn check_cell_works_from_schemas_alone() {
    let mut schemas = BTreeMap::new();
    let schema = Schema::from_iter([Field::new("a".into(), DataType::Int64), Field::new("s".into(), DataType::String)]);
    schemas.insert("tx".to_string(), schema);
    let report = check_cell("df = df.with_columns((pl.col('a') * 1.5).alias('b'), pl.col('s').str.len_chars().alias('n'))", "tx", &schemas, &Limits::default()).unwrap();
    assert_eq!(report.output_schema.get("b"), Some(&DataType::Float64));
    assert_eq!(report.output_schema.get("n"), Some(&DataType::UInt32));
    let err = check_cell("df = df.select(pl.col('zzz'))", "tx", &schemas, &Limits::default()).err().expect("unknown column");
    assert_eq!(err.0[0].kind, DiagnosticKind::Execution);
}

#[test]
fn removed_keyword_is_refused_with_the_new_spelling() {
    let err = run_cell("df = df.with_columns(pl.col('qty').rolling_mean(3, min_periods=1))", "tx", &frames(), &Limits::default()).err().expect("refused");
    assert_eq!(err.0[0].code, Code::RemovedName);
    assert!(err.0[0].hint.as_deref().unwrap_or("").contains("min_samples"));
}

#[test]
fn truth_value_of_an_expression_is_an_error() {
    let err = run_cell("if pl.col('qty') > 1:\n    df = df", "tx", &frames(), &Limits::default()).err().expect("ambiguous");
    assert_eq!(err.0[0].code, Code::TypeError);
    assert_eq!(err.0[0].line, 1);
}
