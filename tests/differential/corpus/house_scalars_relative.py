# frame: houses
# Features relative to frame-level scalars: mean, median, max, row count.
import polars as pl

n = df.height
mean_price = df["price"].mean()
median_sqft = df["sqft"].median()
max_lot = df.select(pl.col("lot_size").filter(pl.col("lot_size").is_not_nan()).max()).item()
df = df.with_columns(
    (pl.col("price") / mean_price).alias("price_rel_mean"),
    (pl.col("sqft") - median_sqft).alias("sqft_vs_median"),
    (pl.col("lot_size") / max_lot).alias("lot_rel_max"),
    (pl.int_range(pl.len()) / n).alias("row_frac"),
)
