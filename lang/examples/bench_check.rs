// Benchmark: parse + check + interpret a realistic 100-line feature cell into a lazy plan
// (not collected). Prints one JSON line (median, p90, parse+check alone); run it with bench/lang-check.

use std::time::Instant;

use fe_lang::{run_cell, Frames, Limits};
use polars::prelude::*;

const CELL: &str = r#"import polars as pl
import polars.selectors as cs
import numpy as np
import math

# --- basic cleaning ---------------------------------------------------------
df = df.with_columns(
    pl.col("amount").fill_null(0.0).alias("amount_filled"),
    pl.col("category").fill_null("unknown").alias("category_filled"),
)
df = df.with_columns(pl.col("ts").dt.year().alias("year"), pl.col("ts").dt.month().alias("month"))
df = df.with_columns(pl.col("ts").dt.weekday().alias("weekday"), pl.col("ts").dt.hour().alias("hour"))
df = df.with_columns((pl.col("weekday") >= 6).alias("is_weekend"))

# --- numeric transforms -----------------------------------------------------
numeric_cols = [c for c, t in df.schema.items() if t.is_numeric() and c not in ("id", "target")]
for c in ["amount", "qty", "price"]:
    df = df.with_columns(
        np.log1p(pl.col(c).clip(lower_bound=0)).alias(f"{c}_log1p"),
        (pl.col(c) ** 2).alias(f"{c}_sq"),
        pl.col(c).sqrt().alias(f"{c}_sqrt"),
    )

mean_amount = df["amount"].mean()
std_amount = df["amount"].std()
p90 = df["amount"].quantile(0.9)
df = df.with_columns(
    ((pl.col("amount") - mean_amount) / std_amount).alias("amount_z"),
    (pl.col("amount") > p90).alias("amount_top10"),
)

# --- ratios from a helper ---------------------------------------------------
def safe_ratio(a, b, name):
    """Ratio that is null when the denominator is zero."""
    return pl.when(pl.col(b) != 0).then(pl.col(a) / pl.col(b)).otherwise(None).alias(name)

pairs = [("amount", "qty"), ("price", "qty"), ("amount", "price")]
df = df.with_columns([safe_ratio(a, b, f"{a}_per_{b}") for a, b in pairs])

# --- customer-level aggregates joined back ------------------------------------
cust = df.group_by("customer").agg(
    pl.col("amount").mean().alias("cust_amount_mean"),
    pl.col("amount").std().alias("cust_amount_std"),
    pl.col("amount").max().alias("cust_amount_max"),
    pl.len().alias("cust_n_tx"),
    pl.col("category").n_unique().alias("cust_n_categories"),
)
df = df.join(cust, on="customer", how="left")
df = df.with_columns(
    (pl.col("amount") / pl.col("cust_amount_mean")).alias("amount_vs_cust_mean"),
    (pl.col("amount") - pl.col("cust_amount_mean")).alias("amount_minus_cust_mean"),
)

# --- windows ------------------------------------------------------------------
df = df.sort("customer", "ts")
df = df.with_columns(
    pl.col("amount").rolling_mean(3).over("customer").alias("amount_roll3"),
    pl.col("amount").rolling_std(5).over("customer").alias("amount_roll5_std"),
    pl.col("amount").ewm_mean(alpha=0.3).over("customer").alias("amount_ewm"),
    pl.col("amount").shift(1).over("customer").alias("amount_prev"),
    pl.col("amount").diff().over("customer").alias("amount_diff"),
    pl.col("amount").pct_change().over("customer").alias("amount_pct"),
    pl.col("amount").cum_sum().over("customer").alias("amount_cumsum"),
    pl.col("amount").rank().over("customer").alias("amount_rank_in_cust"),
    pl.col("ts").diff().over("customer").dt.total_hours().alias("hours_since_prev"),
)

# --- categorical features ---------------------------------------------------
df = df.with_columns(
    pl.col("category_filled").replace_strict({"a": 0, "b": 1, "c": 2}, default=-1).alias("category_code"),
    pl.col("category_filled").is_in(["a", "b"]).alias("category_ab"),
    pl.col("amount").qcut(4, labels=["q1", "q2", "q3", "q4"]).alias("amount_quartile"),
    pl.col("amount").cut([10, 50, 100]).alias("amount_bin"),
)

# --- text features ------------------------------------------------------------
df = df.with_columns(
    pl.col("note").str.len_chars().alias("note_len"),
    pl.col("note").str.to_lowercase().str.contains("refund").alias("note_refund"),
    pl.col("note").str.count_matches(r"\d").alias("note_digits"),
    pl.col("note").str.split(" ").list.len().alias("note_words"),
)

# --- horizontal and selectors -----------------------------------------------
df = df.with_columns(
    pl.sum_horizontal("amount", "price").alias("amount_plus_price"),
    pl.max_horizontal("amount", "price").alias("amount_price_max"),
    pl.coalesce(["amount", "price"]).alias("amount_or_price"),
    pl.concat_str([pl.col("customer"), pl.lit("_"), pl.col("category_filled")]).alias("cust_cat"),
)
flag_cols = [c for c in df.columns if c.startswith("is_") or c.endswith("_top10")]
df = df.with_columns([pl.col(c).cast(pl.Int8).alias(f"{c}_int") for c in flag_cols])
df = df.with_columns(cs.float().fill_nan(None).name.keep())
df = df.with_columns(pl.col("amount_z").clip(-3, 3).round(4).alias("amount_z_clipped"))
df = df.with_columns((pl.col("amount") * math.pi).alias("amount_pi"), pl.int_range(pl.len()).alias("row_id"))
df = df.drop(["amount_sq", "price_sq"])
"#;

fn frame(rows: usize) -> LazyFrame {
    let ids: Vec<i64> = (0..rows as i64).collect();
    let customers: Vec<String> = (0..rows).map(|i| format!("c{}", i % 50)).collect();
    let categories: Vec<Option<&str>> = (0..rows).map(|i| if i % 11 == 0 { None } else { Some(["a", "b", "c", "d"][i % 4]) }).collect();
    let amounts: Vec<Option<f64>> = (0..rows).map(|i| if i % 13 == 0 { None } else { Some((i * 37 % 200) as f64 + 0.5) }).collect();
    let qty: Vec<i32> = (0..rows).map(|i| (i % 7) as i32).collect();
    let price: Vec<f64> = (0..rows).map(|i| (i % 17) as f64 * 1.5).collect();
    let notes: Vec<String> = (0..rows).map(|i| if i % 5 == 0 { format!("Refund {i} requested") } else { format!("order {i}") }).collect();
    let target: Vec<i64> = (0..rows).map(|i| (i % 3 == 0) as i64).collect();
    let ts: Vec<i64> = (0..rows as i64).map(|i| 1_700_000_000_000_000 + i * 3_600_000_000).collect();
    df!(
        "id" => ids, "customer" => customers, "category" => categories, "amount" => amounts,
        "qty" => qty, "price" => price, "note" => notes, "target" => target, "ts" => ts
    )
    .unwrap()
    .lazy()
    .with_columns([col("ts").cast(DataType::Datetime(TimeUnit::Microseconds, None))])
}

fn main() {
    let lines = CELL.lines().count();
    let mut frames = Frames::new();
    frames.insert("tx".to_string(), frame(std::env::var("BENCH_ROWS").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000)));
    let limits = Limits::default();
    // Warm up (and prove the cell is accepted and its plan resolves).
    let out = run_cell(CELL, "tx", &frames, &limits).unwrap_or_else(|d| panic!("{}", d.render(CELL)));
    let width = out.frame.clone().collect_schema().map(|s| s.len()).unwrap_or(0);
    let mut times = Vec::new();
    for _ in 0..100 {
        let start = Instant::now();
        let out = run_cell(CELL, "tx", &frames, &limits).expect("accepted");
        std::hint::black_box(out);
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    // The static part alone: parse + allowlist check (what runs before anything else).
    let mut check_times = Vec::new();
    for _ in 0..100 {
        let start = Instant::now();
        std::hint::black_box(fe_lang::refusals(CELL));
        check_times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let (median, p90) = median_p90(&mut times);
    let (check_median, _) = median_p90(&mut check_times);
    eprintln!("cell of {lines} lines, output {width} columns");
    println!(
        "{{\"bench\":\"lang_check_interpret_100_lines\",\"lines\":{lines},\"median_ms\":{median:.3},\"p90_ms\":{p90:.3},\"parse_check_median_ms\":{check_median:.3}}}"
    );
}

fn median_p90(times: &mut [f64]) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], times[times.len() * 9 / 10])
}
