# frame: sales
# source: https://docs.pola.rs/api/python/stable/reference/expressions/computation.html (cum_max, cum_min, cum_prod, cum_count, ewm_std, ewm_var, reverse)
# construct: with_columns, cum_max, cum_min, cum_prod, reverse, ewm, over
# Running max/min, a reverse cumulative sum, a running growth factor and EWM dispersion per store.
import polars as pl

df = df.with_columns(
    pl.col("units").cum_max().over("store_id").alias("best_so_far"),
    pl.col("units").cum_min().over("store_id").alias("worst_so_far"),
    pl.col("units").cum_sum(reverse=True).over("store_id").alias("units_to_end"),
    (1 + pl.col("returns") / 100).cum_prod().over("store_id").alias("growth"),
    pl.col("revenue").fill_nan(None).ewm_std(span=7).over("store_id").alias("ewm_std"),
    pl.col("revenue").fill_nan(None).ewm_var(alpha=0.3, ignore_nulls=True).over("store_id").alias("ewm_var"),
)
