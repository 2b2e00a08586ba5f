// Deep code: the sizes that crashed the worker's stack (a 2,000-term sum, 20,000 chained calls,
// 5,000 chained when/then, lists nested 3,000 deep, random deep trees) are computed or refused
// with the nesting limit (FE306, line and column), never a stack overflow.

use fe_lang::{run_cell, Code, DiagnosticKind, Frames, Limits, MAX_NESTING};
use polars::prelude::*;

fn wide(columns: usize) -> Frames {
    let cols: Vec<Column> = (0..columns).map(|i| Column::new(format!("c{i}").into(), [i as i64, 1, 2])).collect();
    let mut frames = Frames::new();
    frames.insert("wide".to_string(), DataFrame::new(3, cols).unwrap().lazy());
    frames
}

fn small() -> Frames {
    let mut frames = Frames::new();
    frames.insert("tx".to_string(), df!("a" => [1.0f64, -2.0, 3.0]).unwrap().lazy());
    frames
}

fn outcome(source: &str, target: &str, frames: &Frames) -> Result<DataFrame, fe_lang::Diagnostic> {
    let out = run_cell(source, target, frames, &Limits::default()).map_err(|d| d.0[0].clone())?;
    // The plan of deep code is deep too: collect and drop it on the deep stack, as the worker does.
    fe_lang::on_deep_stack(move || fe_lang::collect(out.frame)).map_err(|d| d.0[0].clone())
}

fn assert_nesting_refusal(source: &str, frames: &Frames, target: &str) {
    let d = outcome(source, target, frames).err().unwrap_or_else(|| panic!("accepted: {}", &source[..80]));
    assert_eq!(d.code, Code::NestingLimit, "{d:?}");
    assert_eq!(d.kind, DiagnosticKind::ResourceLimit);
    assert!(d.message.contains(&format!("over the limit of {MAX_NESTING}")), "{}", d.message);
    assert!(d.line >= 1 && d.column > 1, "points into the code: {d:?}");
    assert!(d.hint.is_some());
}

#[test]
fn a_sum_of_two_thousand_columns_written_out_is_computed() {
    let terms: Vec<String> = (0..2000).map(|i| format!("pl.col(\"c{i}\")")).collect();
    let source = format!("df = df.select(({}).alias('total'))", terms.join(" + "));
    let df = outcome(&source, "wide", &wide(2000)).unwrap_or_else(|d| panic!("{d:?}"));
    let total: Vec<Option<i64>> = df.column("total").unwrap().i64().unwrap().iter().collect();
    assert_eq!(total, [Some((0..2000).sum()), Some(2000), Some(4000)]);
}

#[test]
fn a_chain_of_twenty_thousand_calls_is_refused_at_the_limit() {
    let source = format!("df = df.with_columns(pl.col('a'){})", ".abs()".repeat(20_000));
    assert_nesting_refusal(&source, &small(), "tx");
    // Within the limit (what CPython compiles: about 1,494 calls) the chain runs.
    let source = format!("df = df.with_columns(pl.col('a'){}.alias('b'))", ".abs()".repeat(1_400));
    let df = outcome(&source, "tx", &small()).unwrap_or_else(|d| panic!("{d:?}"));
    assert_eq!(df.column("b").unwrap().f64().unwrap().get(1), Some(2.0));
}

#[test]
fn five_thousand_chained_whens_are_refused_and_seven_hundred_run() {
    let branches = |n: usize| (0..n).map(|i| format!(".when(pl.col('a') > {}).then({i})", 100 - i as i64)).collect::<String>();
    assert_nesting_refusal(&format!("df = df.with_columns(pl{}.otherwise(-1).alias('w'))", branches(5_000)), &small(), "tx");
    let df = outcome(&format!("df = df.with_columns(pl{}.otherwise(-1).alias('w'))", branches(700)), "tx", &small()).unwrap_or_else(|d| panic!("{d:?}"));
    let w: Vec<Option<i64>> = df.column("w").unwrap().cast(&DataType::Int64).unwrap().i64().unwrap().iter().collect();
    // a = 1.0 first passes `a > 0` (branch 100), 3.0 passes `a > 2` (branch 98), -2.0 `a > -3`.
    assert_eq!(w, [Some(100), Some(103), Some(98)]);
}

#[test]
fn a_list_nested_three_thousand_deep_is_refused() {
    let source = format!("x = {}1{}\ndf = df", "[".repeat(3_000), "]".repeat(3_000));
    assert_nesting_refusal(&source, &small(), "tx");
    let source = format!("x = {}1{}\ndf = df.with_columns(pl.lit(len(x)).alias('n'))", "[".repeat(500), "]".repeat(500));
    assert!(outcome(&source, "tx", &small()).is_ok());
}

#[test]
fn expressions_built_deep_by_a_loop_are_computed() {
    let source = "e = pl.col('a')\nfor i in range(1000):\n    e = e + 1\ndf = df.with_columns(e.alias('b'))";
    let df = outcome(source, "tx", &small()).unwrap_or_else(|d| panic!("{d:?}"));
    assert_eq!(df.column("b").unwrap().f64().unwrap().get(0), Some(1001.0));
}

/// A small deterministic generator (xorshift) for the property test.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A random expression of nesting about `depth` and its value on a = 1.0 (row 0).
fn random_expression(rng: &mut Rng, depth: usize) -> (String, f64) {
    let mut text = "pl.col('a')".to_string();
    let mut value = 1.0f64;
    let mut level = 0;
    while level < depth {
        match rng.below(4) {
            0 => {
                text = format!("({text} + 1)");
                value += 1.0;
                level += 1;
            }
            1 => {
                text = format!("{text}.abs()");
                value = value.abs();
                level += 2;
            }
            2 => {
                text = format!("pl.when(pl.col('a') > 0).then({text}).otherwise(0)");
                level += 4;
            }
            _ => {
                text = format!("({text} * 1)");
                level += 1;
            }
        }
    }
    (text, value)
}

#[test]
fn random_deep_expressions_are_computed_or_refused_never_a_crash() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..12 {
        let depth = 200 + rng.below(2 * MAX_NESTING as u64) as usize;
        let (expression, value) = random_expression(&mut rng, depth);
        let source = format!("df = df.with_columns(({expression}).alias('r'))");
        match outcome(&source, "tx", &small()) {
            Ok(df) => {
                let got = df.column("r").unwrap().cast(&DataType::Float64).unwrap().f64().unwrap().get(0);
                assert_eq!(got, Some(value), "round {round}, depth {depth}");
            }
            Err(d) => {
                assert_eq!(d.code, Code::NestingLimit, "round {round}, depth {depth}: {d:?}");
                assert!(depth + 8 > MAX_NESTING, "refused at depth {depth}");
            }
        }
    }
}
