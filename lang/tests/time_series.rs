// Time-series constructs on small frames built in Rust: time-based rolling windows, date and
// datetime ranges (lazy and eager), dt.combine, every start_by of group_by_dynamic, upsample.
// The equality proof against Python Polars lives in tests/differential (corpus/ts_*.py).

use fe_lang::{run_cell, Code, Frames, Limits};
use polars::prelude::*;

fn frames() -> Frames {
    let days = [0i32, 1, 2, 5, 6, 9];
    let sales = df!(
        "store" => [1i64, 1, 1, 2, 2, 2],
        "day" => days,
        "units" => [1i64, 2, 3, 4, 5, 6]
    )
    .unwrap()
    .lazy()
    .with_columns([(col("day") + lit(19723)).cast(DataType::Date).alias("day")])
    .collect()
    .unwrap();
    let mut frames = Frames::new();
    frames.insert("sales".to_string(), sales.lazy());
    frames
}

fn run(source: &str) -> DataFrame {
    let out = run_cell(source, "sales", &frames(), &Limits::default()).unwrap_or_else(|d| panic!("{}", d.render(source)));
    fe_lang::collect(out.frame).unwrap_or_else(|d| panic!("{}", d.render(source)))
}

fn ints(df: &DataFrame, name: &str) -> Vec<Option<i64>> {
    df.column(name).unwrap().as_materialized_series().cast(&DataType::Int64).unwrap().i64().unwrap().iter().collect()
}

fn strings(df: &DataFrame, name: &str) -> Vec<Option<String>> {
    df.column(name).unwrap().as_materialized_series().cast(&DataType::String).unwrap().str().unwrap().iter().map(|s| s.map(String::from)).collect()
}

#[test]
fn expr_rolling_sums_a_trailing_time_window() {
    // 2024-01-01 is day 19723; the window of 3 days ends at (and includes) each row's day.
    let df = run("df = df.sort('day').with_columns(pl.col('units').sum().rolling(index_column='day', period='3d').alias('u3'))");
    assert_eq!(ints(&df, "u3"), [1, 3, 6, 4, 9, 6].map(Some).to_vec());
    let df = run("df = df.sort('day').with_columns(pl.len().rolling('day', period='2d', offset='0d', closed='left').alias('ahead'))");
    assert_eq!(ints(&df, "ahead"), [2, 2, 1, 2, 1, 1].map(Some).to_vec(), "an offset of 0d looks forward");
}

#[test]
fn eager_date_range_is_a_series_that_builds_frames() {
    let df = run("from datetime import date\nd = pl.date_range(date(2024, 1, 1), date(2024, 1, 10), '3d', eager=True)\ndf = pl.DataFrame({'d': d}).with_columns(pl.lit(len(d)).alias('n'))");
    assert_eq!(df.column("d").unwrap().dtype(), &DataType::Date);
    assert_eq!(strings(&df, "d"), ["2024-01-01", "2024-01-04", "2024-01-07", "2024-01-10"].map(|s| Some(s.to_string())).to_vec());
    assert_eq!(ints(&df, "n")[0], Some(4));
}

#[test]
fn lazy_ranges_follow_the_data_and_take_timedeltas() {
    let df = run("df = df.select(pl.date_range(pl.col('day').min(), pl.col('day').max(), '1w').alias('w'))");
    assert_eq!(df.height(), 2);
    let df = run("import datetime\ndf = df.select(pl.datetime_range(pl.col('day').min(), pl.col('day').min().dt.offset_by('1d'), datetime.timedelta(hours=6), closed='left').alias('t'))");
    assert_eq!(df.height(), 4);
    assert_eq!(df.column("t").unwrap().dtype(), &DataType::Datetime(TimeUnit::Microseconds, None));
}

#[test]
fn eager_ranges_count_against_the_row_budget() {
    let limits = Limits { max_rows: 1000, ..Limits::default() };
    let err = run_cell("from datetime import datetime\nr = pl.datetime_range(datetime(2024, 1, 1), datetime(2024, 2, 1), '1m', eager=True)", "sales", &frames(), &limits)
        .err()
        .expect("44,641 minutes are over 1,000 rows");
    assert_eq!(err.0[0].code, Code::RowBudget);
    let err = run_cell("r = pl.int_range(0, 5000, eager=True)", "sales", &frames(), &limits).err().expect("over the budget");
    assert_eq!(err.0[0].code, Code::RowBudget);
}

#[test]
fn dt_combine_joins_a_date_and_a_time() {
    let df = run("import datetime as dt\ndf = df.select(pl.col('day').dt.combine(dt.time(9, 30)).alias('at'))");
    assert_eq!(strings(&df, "at")[0].as_deref(), Some("2024-01-01 09:30:00.000000"));
}

#[test]
fn group_by_dynamic_accepts_every_start_by() {
    for start in ["window", "datapoint", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] {
        let df = run(&format!("df = df.sort('day').group_by_dynamic('day', every='1w', start_by='{start}').agg(pl.col('units').sum())"));
        assert_eq!(ints(&df, "units").iter().flatten().sum::<i64>(), 21, "start_by={start}: every row lands in one weekly window");
    }
    // 2024-01-01 is a Monday: windows starting on Friday begin on 2023-12-29.
    let df = run("df = df.sort('day').group_by_dynamic('day', every='1w', start_by='friday').agg(pl.len())");
    assert_eq!(strings(&df, "day")[0].as_deref(), Some("2023-12-29"));
    let err = run_cell("df = df.group_by_dynamic('day', every='1w', start_by='someday').agg(pl.len())", "sales", &frames(), &Limits::default()).err().expect("bad start_by");
    assert_eq!(err.0[0].code, Code::ValueError);
}

#[test]
fn upsample_fills_the_gaps_per_group() {
    let df = run("df = df.sort('store', 'day').upsample(time_column='day', every='1d', group_by='store', maintain_order=True)");
    // Store 1: days 0..=2 (3 rows); store 2: days 5..=9 (5 rows).
    assert_eq!(ints(&df, "store"), [1, 1, 1, 2, 2, 2, 2, 2].map(Some).to_vec());
    assert_eq!(ints(&df, "units"), [Some(1), Some(2), Some(3), Some(4), Some(5), None, None, Some(6)]);
    let limits = Limits { max_rows: 100, ..Limits::default() };
    let err = run_cell("df = df.sort('day').upsample('day', every='1h')", "sales", &frames(), &limits).err().expect("217 hours");
    assert_eq!(err.0[0].code, Code::RowBudget);
}

#[test]
fn max_and_min_in_overlapping_windows_ignore_nan_as_python_does() {
    let mut frames = Frames::new();
    let df = df!("t" => [1i64, 2, 3, 4, 5], "x" => [1.0f64, f64::NAN, 3.0, f64::NAN, f64::NAN]).unwrap();
    frames.insert("w".to_string(), df.lazy());
    let run_w = |source: &str| {
        let out = run_cell(source, "w", &frames, &Limits::default()).unwrap_or_else(|d| panic!("{}", d.render(source)));
        fe_lang::collect(out.frame).unwrap()
    };
    let floats = |df: &DataFrame, name: &str| -> Vec<Option<f64>> { df.column(name).unwrap().f64().unwrap().iter().collect() };
    // Python Polars 2.1: [1.0, 1.0, 3.0, 3.0, NaN]; Rust 0.55's sliding kernel gave NaN from row 2 on.
    let df = run_w("df = df.with_columns(pl.col('x').max().rolling('t', period='2i').alias('m'))");
    let m = floats(&df, "m");
    assert_eq!(m[..4], [Some(1.0), Some(1.0), Some(3.0), Some(3.0)]);
    assert!(m[4].is_some_and(f64::is_nan), "a window of NaN only stays NaN");
    let df = run_w("df = df.group_by_dynamic('t', every='1i', period='2i').agg(pl.col('x').min().alias('lo'))");
    let lo = floats(&df, "lo");
    assert_eq!(lo[..3], [Some(1.0), Some(3.0), Some(3.0)]);
}

#[test]
fn ewm_mean_by_and_interpolate_by_follow_the_time_column() {
    let df = run("df = df.filter(pl.col('store') == 2).sort('day').with_columns(\n    pl.col('units').cast(pl.Float64).interpolate_by('day').alias('i'),\n    pl.col('units').cast(pl.Float64).ewm_mean_by('day', half_life='1d').alias('e'),\n)");
    assert_eq!(df.height(), 3);
    let e: Vec<Option<f64>> = df.column("e").unwrap().f64().unwrap().iter().collect();
    assert_eq!(e[0], Some(4.0), "the first value is its own mean");
    assert!(e[2].unwrap() > 5.0 && e[2].unwrap() < 6.0, "three days later the mean has moved most of the way to 6: {e:?}");
}
