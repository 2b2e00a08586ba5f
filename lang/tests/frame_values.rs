// Values taken from frames into the cell and frame reshaping on small frames built in Rust:
// df.row (by index, negative index, predicate, named), get_columns, vstack, eager int_range,
// unpivot's row order and explode of empty lists.

use fe_lang::{run_cell, Code, Frames, Limits};
use polars::prelude::*;

fn frames() -> Frames {
    let tx = df!(
        "id" => [1i64, 2, 3, 4],
        "cust" => ["a", "b", "a", "c"],
        "x" => [10i64, 20, 30, 40],
        "y" => [1.5f64, 2.5, 3.5, 4.5]
    )
    .unwrap();
    // Two chunks, as frames read from files often have.
    let mut two_chunks = tx.slice(0, 2);
    two_chunks.vstack_mut(&tx.slice(2, 2)).unwrap();
    let mut frames = Frames::new();
    frames.insert("tx".to_string(), tx.lazy());
    frames.insert("chunked".to_string(), two_chunks.lazy());
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

#[test]
fn row_gives_python_values_by_index_predicate_or_name() {
    let df = run("i, c, x, y = df.row(0)\nlast = df.lazy().collect().row(-1, named=True)\nhit = df.row(by_predicate=pl.col('x') == 30)\ndf = df.with_columns(pl.lit(x + last['x']).alias('s'), pl.lit(last['cust']).alias('lc'), pl.lit(hit[0]).alias('h'))");
    assert_eq!(ints(&df, "s")[0], Some(50));
    assert_eq!(strings(&df, "lc")[0].as_deref(), Some("c"));
    assert_eq!(ints(&df, "h")[0], Some(3));
    for (source, why) in [("r = df.row(4)", "out of bounds"), ("r = df.row(by_predicate=pl.col('cust') == 'a')", "two rows"), ("r = df.row()", "four rows")] {
        let err = run_cell(source, "tx", &frames(), &Limits::default()).err().unwrap_or_else(|| panic!("{source}: {why}"));
        assert!(matches!(err.0[0].code, Code::ValueError | Code::TypeError), "{source}: {:?}", err.0[0]);
    }
}

#[test]
fn get_columns_are_series_of_the_frame() {
    let df = run("for s in df.select('x', 'y').get_columns():\n    df = df.with_columns((pl.col(s.name) - s.mean()).alias(s.name + '_c'))");
    assert_eq!(ints(&df, "x_c"), [-15, -5, 5, 15].map(Some).to_vec());
}

#[test]
fn vstack_needs_the_same_columns_and_types() {
    let df = run("df = df.head(1).vstack(df.tail(1)).extend(df.head(1))");
    assert_eq!(ints(&df, "id"), [1, 4, 1].map(Some).to_vec());
    let err = run_cell("df = df.vstack(df.select('x', 'id'))", "tx", &frames(), &Limits::default()).err().expect("other order");
    assert_eq!(err.0[0].code, Code::ValueError);
    let err = run_cell("df = df.vstack(df.with_columns(pl.col('x').cast(pl.Float64)))", "tx", &frames(), &Limits::default()).err().expect("other type");
    assert_eq!(err.0[0].code, Code::TypeError);
}

#[test]
fn eager_int_range_is_a_series_usable_in_any_frame() {
    let df = run("ids = pl.int_range(0, df.height, eager=True).alias('row')\nlookup = pl.DataFrame({'row': pl.int_range(0, 4, eager=True), 'label': ['w', 'x', 'y', 'z']})\ndf = df.with_columns(ids).join(lookup, on='row', how='left', maintain_order='left')");
    assert_eq!(ints(&df, "row"), [0, 1, 2, 3].map(Some).to_vec());
    assert_eq!(strings(&df, "label")[2].as_deref(), Some("y"));
}

#[test]
fn unpivot_gives_each_on_column_in_turn_across_chunks() {
    let out = run_cell("df = df.unpivot(on=['x', 'y'], index='id')", "chunked", &frames(), &Limits::default()).unwrap();
    let df = fe_lang::collect(out.frame).unwrap();
    assert_eq!(strings(&df, "variable"), ["x", "x", "x", "x", "y", "y", "y", "y"].map(|s| Some(s.to_string())).to_vec());
    assert_eq!(ints(&df, "id"), [1, 2, 3, 4, 1, 2, 3, 4].map(Some).to_vec());
    assert_eq!(df.column("value").unwrap().dtype(), &DataType::Float64, "the supertype of Int64 and Float64");
}

#[test]
fn explode_drops_empty_lists_and_keeps_a_row_for_null() {
    let df = run("df = df.select('id', pl.when(pl.col('id') == 2).then(pl.lit([], dtype=pl.List(pl.Int64))).when(pl.col('id') == 3).then(None).otherwise(pl.concat_list('x', 'x')).alias('l')).explode('l')");
    assert_eq!(ints(&df, "id"), [1, 1, 3, 4, 4].map(Some).to_vec());
}

#[test]
fn frames_index_by_row_and_column() {
    let df = run("a = df[0, 'cust']\nb = df[-1, 2]\nblock = df[1:3, ['id', 'y']]\npicked = df[[3, 0], [1, 0]]\ndf = block.with_columns(pl.lit(a).alias('a'), pl.lit(b).alias('b'), pl.lit(picked[0, 'cust']).alias('p'))");
    assert_eq!(ints(&df, "id"), [Some(2), Some(3)]);
    assert_eq!(strings(&df, "a")[0].as_deref(), Some("a"));
    assert_eq!(ints(&df, "b")[0], Some(40));
    assert_eq!(strings(&df, "p")[0].as_deref(), Some("c"));
}

#[test]
fn series_of_another_frame_are_literals_unless_combined_with_expressions() {
    let df = run("small = df.filter(pl.col('x') > 15)\nmask = df.select('cust').is_duplicated()\ndf = df.with_columns((df['x'] * 2).alias('x2')).filter(mask)\nsizes = small['x']");
    assert_eq!(ints(&df, "id"), [Some(1), Some(3)], "rows whose cust occurs twice");
    let err = run_cell("small = df.head(2)\ndf = small.with_columns((pl.col('x') + df['x']).alias('z'))", "tx", &frames(), &Limits::default()).err().expect("mixed with an expression");
    assert_eq!(err.0[0].code, Code::TypeError);
    let df = run("other = df.head(4).select(pl.col('x').alias('w'))\ndf = df.with_columns(other['w'], (other['w'] + 1).alias('w1'))");
    assert_eq!(ints(&df, "w1"), [11, 21, 31, 41].map(Some).to_vec());
}

#[test]
fn schema_names_series_literals_and_isinstance() {
    let df = run("names = df.collect_schema().names()\nlookup = pl.Series('cust', ['a', 'c'])\nkinds = [isinstance(pl.col('x'), pl.Expr), isinstance(df, pl.DataFrame), isinstance(df['x'], pl.Series), isinstance(1, pl.Expr)]\ndf = df.with_columns(pl.col('cust').replace_strict(lookup, [1, 3], default=0).alias('code'), pl.lit(len(names)).alias('n'), pl.lit(sum(kinds)).alias('k'))");
    assert_eq!(ints(&df, "code"), [1, 0, 1, 3].map(Some).to_vec());
    assert_eq!(ints(&df, "n")[0], Some(4));
    assert_eq!(ints(&df, "k")[0], Some(3));
}

#[test]
fn hstack_transpose_partition_by_and_join_where() {
    let df = run("df = df.select('id').hstack(df.select(pl.col('x').alias('x2'))).hstack([df['cust']])");
    let names: Vec<&str> = df.get_column_names().iter().map(|n| n.as_str()).collect();
    assert_eq!(names, ["id", "x2", "cust"]);
    let df = run("df = df.select('id', 'x').transpose(include_header=True)");
    assert_eq!(df.shape(), (2, 5));
    let df = run("parts = df.partition_by('cust', as_dict=True)\ndf = parts[('a',)].with_columns(pl.lit(len(parts)).alias('n'))");
    assert_eq!(ints(&df, "id"), [Some(1), Some(3)]);
    assert_eq!(ints(&df, "n")[0], Some(3));
    let df = run("df = df.select('id', 'x').join_where(df.select(pl.col('id').alias('j'), pl.col('x').alias('y')), pl.col('x') < pl.col('y')).sort('id', 'j')");
    assert_eq!(df.height(), 6, "pairs with x < y among 4 distinct values");
    let err = run_cell("df = pl.concat([df, df.head(1)], how='horizontal')", "tx", &frames(), &Limits::default()).and_then(|out| fe_lang::collect(out.frame).map(|_| ()));
    assert!(err.is_err(), "horizontal concat of frames of other heights is an error in Python 2.1");
}

#[test]
fn describe_gives_python_statistics_and_refuses_dates() {
    let df = run("df = df.describe(percentiles=[0.5])");
    assert_eq!(strings(&df, "statistic"), ["count", "null_count", "mean", "std", "min", "50%", "max"].map(|s| Some(s.to_string())).to_vec());
    assert_eq!(df.column("x").unwrap().dtype(), &DataType::Float64);
    assert_eq!(strings(&df, "cust"), [Some("4"), Some("0"), None, None, Some("a"), None, Some("c")].map(|s| s.map(String::from)).to_vec());
    let mut frames = frames();
    frames.insert("dated".to_string(), df!("d" => [1i32, 2]).unwrap().lazy().with_columns([col("d").cast(DataType::Date)]));
    let err = run_cell("df = df.describe()", "dated", &frames, &Limits::default()).err().expect("dates are refused");
    assert_eq!(err.0[0].code, Code::UnsupportedArgument);
}
