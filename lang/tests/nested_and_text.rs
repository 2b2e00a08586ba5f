// Lists, structs and strings on small frames built in Rust: the list namespace, concat_list,
// struct renaming / JSON round trips / unnest, the str methods added for real feature code, and
// the expression statistics (value_counts, entropy, dot, cov, over mapping strategies).

use fe_lang::{run_cell, Code, Frames, Limits};
use polars::prelude::*;

fn frames() -> Frames {
    let tx = df!(
        "id" => [1i64, 2, 3, 4, 5, 6],
        "cust" => ["a", "b", "a", "c", "b", "a"],
        "qty" => [3i64, 1, 2, 5, 4, 6],
        "name" => [Some("o'neil-smith"), Some("ǆemal"), Some("ﬁsh & chips"), None, Some("MIXED case"), Some("ΣΑΣ")],
        "email" => ["ann@x.org", "bob@y.de", "cy@x.org", "dee", "ed@z.jp", "fay@x.org"]
    )
    .unwrap();
    let mut frames = Frames::new();
    frames.insert("tx".to_string(), tx.lazy());
    frames
}

fn run(source: &str) -> DataFrame {
    let out = run_cell(source, "tx", &frames(), &Limits::default()).unwrap_or_else(|d| panic!("{}", d.render(source)));
    fe_lang::collect(out.frame).unwrap_or_else(|d| panic!("{}", d.render(source)))
}

fn ints(df: &DataFrame, name: &str) -> Vec<Option<i64>> {
    df.column(name).unwrap().as_materialized_series().cast(&DataType::Int64).unwrap().i64().unwrap().iter().collect()
}

fn strings(df: &DataFrame, name: &str) -> Vec<Option<String>> {
    df.column(name).unwrap().as_materialized_series().cast(&DataType::String).unwrap().str().unwrap().iter().map(|s| s.map(String::from)).collect()
}

fn some(values: &[&str]) -> Vec<Option<String>> {
    values.iter().map(|s| Some(s.to_string())).collect()
}

#[test]
fn list_namespace_summarises_grouped_lists() {
    let df = run("df = df.group_by('cust', maintain_order=True).agg(pl.col('qty')).with_columns(\n    pl.col('qty').list.sort(descending=True).list.first().alias('top'),\n    pl.col('qty').list.gather([0, -1]).list.sum().alias('ends'),\n    pl.col('qty').list.unique().list.len().alias('n'),\n    pl.col('qty').list.contains(6).alias('has6'),\n    pl.col('qty').cast(pl.List(pl.String)).list.reverse().list.join('-').alias('rev'),\n    pl.col('qty').list.set_union([1, 99]).list.len().alias('u'),\n)");
    assert_eq!(strings(&df, "cust"), some(&["a", "b", "c"]));
    assert_eq!(ints(&df, "top"), [6, 4, 5].map(Some).to_vec());
    assert_eq!(ints(&df, "ends"), [9, 5, 10].map(Some).to_vec());
    assert_eq!(ints(&df, "n"), [3, 2, 1].map(Some).to_vec());
    assert_eq!(strings(&df, "rev")[0].as_deref(), Some("6-2-3"));
    assert_eq!(ints(&df, "u"), [5, 3, 3].map(Some).to_vec());
}

#[test]
fn concat_list_and_structs_round_trip_through_json() {
    let df = run("df = df.select(\n    pl.concat_list('id', 'qty').alias('pair'),\n    pl.struct('cust', 'qty').struct.rename_fields(['c', 'q']).struct.json_encode().alias('j'),\n).with_columns(pl.col('j').str.json_decode(pl.Struct({'c': pl.String, 'q': pl.Int64})).alias('back')).unnest('back')");
    assert_eq!(df.column("pair").unwrap().dtype(), &DataType::List(Box::new(DataType::Int64)));
    assert_eq!(strings(&df, "j")[0].as_deref(), Some(r#"{"c":"a","q":3}"#));
    assert_eq!(strings(&df, "c"), some(&["a", "b", "a", "c", "b", "a"]));
    assert_eq!(ints(&df, "q")[3], Some(5));
}

#[test]
fn split_exact_and_splitn_unnest_into_fields() {
    let df = run("df = df.select(pl.col('email').str.split_exact('@', 1).alias('e')).unnest('e', separator='_')");
    let names: Vec<&str> = df.get_column_names().iter().map(|n| n.as_str()).collect();
    assert_eq!(names, ["e_field_0", "e_field_1"]);
    assert_eq!(strings(&df, "e_field_1")[3], None, "a missing part is null");
    let df = run("df = df.select(pl.col('name').str.splitn(' ', 2).struct.field('field_1').alias('rest'))");
    assert_eq!(strings(&df, "rest")[2].as_deref(), Some("& chips"));
}

#[test]
fn titlecase_follows_python_polars() {
    let df = run("df = df.select(pl.col('name').str.to_titlecase())");
    assert_eq!(strings(&df, "name"), [Some("O'Neil-Smith"), Some("ǅemal"), Some("Fish & Chips"), None, Some("Mixed Case"), Some("Σας")].map(|s| s.map(String::from)).to_vec());
}

#[test]
fn contains_any_and_replace_many_take_lists_and_dicts() {
    let df = run("df = df.select(\n    pl.col('email').str.contains_any(['x.org', 'z.jp']).alias('hit'),\n    pl.col('email').str.replace_many({'@': ' at ', '.': ' dot '}).alias('spoken'),\n)");
    let hit: Vec<Option<bool>> = df.column("hit").unwrap().bool().unwrap().iter().collect();
    assert_eq!(hit, [true, false, true, false, true, true].map(Some).to_vec());
    assert_eq!(strings(&df, "spoken")[0].as_deref(), Some("ann at x dot org"));
    let err = run_cell("df = df.select(pl.col('email').str.replace_many(['x', 'y'], 'z'))", "tx", &frames(), &Limits::default()).err().expect("Python refuses it");
    assert_eq!(err.0[0].code, Code::TypeError);
}

#[test]
fn value_counts_entropy_dot_and_cov_are_expressions() {
    let df = run("df = df.select(pl.col('cust').value_counts(sort=True)).unnest('cust')");
    assert_eq!(strings(&df, "cust")[0].as_deref(), Some("a"));
    assert_eq!(ints(&df, "count")[0], Some(3));
    let df = run("df = df.select(pl.col('qty').dot('id').alias('d'), pl.cov('qty', 'id').alias('c'), pl.col('cust').unique_counts().alias('u'))");
    assert_eq!(ints(&df, "d")[0], Some(3 + 2 + 6 + 20 + 20 + 36));
    assert_eq!(ints(&df, "u"), [3, 2, 1].map(Some).to_vec(), "counts in first-seen order");
    let c = df.column("c").unwrap().f64().unwrap().get(0).unwrap();
    assert!((c - 2.7).abs() < 1e-12, "sample covariance {c}");
}

#[test]
fn over_maps_groups_to_lists_or_exploded_rows() {
    let df = run("df = df.with_columns(pl.col('qty').over('cust', mapping_strategy='join').alias('all_qty'))");
    assert_eq!(df.column("all_qty").unwrap().dtype(), &DataType::List(Box::new(DataType::Int64)));
    let lens = run("df = df.select(pl.col('qty').over('cust', mapping_strategy='join').list.len().alias('n'))");
    assert_eq!(ints(&lens, "n"), [3, 2, 3, 1, 2, 3].map(Some).to_vec());
    let df = run("df = df.sort('cust').select(pl.col('qty').sort().over('cust', mapping_strategy='explode').alias('s'))");
    assert_eq!(ints(&df, "s"), [2, 3, 6, 1, 4, 5].map(Some).to_vec());
}

#[test]
fn replace_strict_with_default_none_maps_the_rest_to_null() {
    let df = run("df = df.select(pl.col('cust').replace_strict({'a': 'A'}, default=None).alias('c'))");
    assert_eq!(strings(&df, "c"), [Some("A"), None, Some("A"), None, None, Some("A")].map(|s| s.map(String::from)).to_vec());
    let err = run_cell("df = df.select(pl.col('cust').replace_strict({'a': 'A'}))", "tx", &frames(), &Limits::default()).and_then(|out| fe_lang::collect(out.frame).map(|_| ()));
    assert!(err.is_err(), "without a default an unmapped value is an error");
}

#[test]
fn hash_is_refused_because_its_values_differ_from_python() {
    let err = run_cell("df = df.with_columns(pl.col('qty').hash(42))", "tx", &frames(), &Limits::default()).err().expect("refused");
    assert!(err.0[0].message.contains("hash"), "{}", err.0[0].message);
    assert!(err.0[0].hint.is_some());
}

#[test]
fn gather_get_search_sorted_and_top_k_by_pick_by_position() {
    let df = run("df = df.sort('qty').select(\n    pl.col('id').gather([0, -1]).alias('ends'),\n    pl.col('cust').top_k_by('qty', k=2).alias('top'),\n    pl.col('cust').bottom_k_by('qty', k=2).alias('bottom'),\n    pl.col('id').get(1).alias('second'),\n)");
    assert_eq!(ints(&df, "ends"), [Some(2), Some(6)]);
    let at4 = run("df = df.sort('qty').select(pl.col('qty').search_sorted(4).alias('at4'))");
    assert_eq!(ints(&at4, "at4"), [Some(3)]);
    assert_eq!(strings(&df, "top"), some(&["a", "c"]), "qty 6 is a, 5 is c");
    assert_eq!(strings(&df, "bottom"), some(&["b", "a"]));
    let err = run_cell("df = df.select(pl.col('qty').search_sorted([1, 2]))", "tx", &frames(), &Limits::default()).err().expect("ambiguous list");
    assert_eq!(err.0[0].code, Code::TypeError);
}

#[test]
fn rle_spearman_and_struct_fields_from_pl_field() {
    let df = run("df = df.select(pl.col('cust').rle().alias('r')).unnest('r')");
    assert_eq!(ints(&df, "len"), [1, 1, 1, 1, 1, 1].map(Some).to_vec());
    let df = run("df = df.select(pl.corr('qty', 'id', method='spearman').alias('rho'))");
    let rho = df.column("rho").unwrap().f64().unwrap().get(0).unwrap();
    assert!((rho - 0.771428571428571).abs() < 1e-12, "{rho}");
    let df = run("t = pl.Struct([pl.Field('cust', pl.String), pl.Field('qty', pl.Int64)])\ndf = df.select(pl.struct('cust', 'qty').struct.json_encode().str.json_decode(t).struct.field('qty'))");
    assert_eq!(ints(&df, "qty")[0], Some(3));
}

#[test]
fn selectors_first_last_and_as_expr() {
    let df = run("import polars.selectors as cs\ndf = df.select(cs.first(), cs.last(), (~cs.by_name('id').as_expr().is_null()).alias('has_id'))");
    let names: Vec<&str> = df.get_column_names().iter().map(|n| n.as_str()).collect();
    assert_eq!(names, ["id", "email", "has_id"]);
}

#[test]
fn lists_per_row_count_against_the_row_budget() {
    let limits = Limits { max_rows: 20, ..Limits::default() };
    // 6 rows: 3 + 2 + 3 + 1 + 2 + 3 = 14 values fit; int ranges of 0..id give 21.
    let ok = run_cell("df = df.with_columns(pl.col('qty').over('cust', mapping_strategy='join').alias('l'))", "tx", &frames(), &limits);
    assert!(ok.is_ok());
    let err = run_cell("df = df.with_columns(pl.int_ranges(0, pl.col('id')).alias('r'))", "tx", &frames(), &limits).err().expect("21 values");
    assert_eq!(err.0[0].code, Code::RowBudget);
    let err = run_cell("df = df.with_columns(pl.col('qty').over(pl.lit(1), mapping_strategy='join').alias('l'))", "tx", &frames(), &limits).err().expect("36 values");
    assert_eq!(err.0[0].code, Code::RowBudget);
}
