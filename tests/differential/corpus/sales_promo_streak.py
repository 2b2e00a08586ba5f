# frame: sales
# Running count of consecutive promo days per store.
import polars as pl

df = df.sort("store_id", "date")
df = df.with_columns(
    (pl.col("promo") != pl.col("promo").shift(1)).fill_null(True).cum_sum().over("store_id").alias("promo_block")
)
df = df.with_columns(
    pl.when(pl.col("promo")).then(pl.int_range(1, pl.len() + 1).over("store_id", "promo_block")).otherwise(0).alias("promo_streak")
)
