# frame: sales
# Integer arithmetic that must stay integer (Int64 + int literal) and true division.
import polars as pl

df = df.with_columns(
    (pl.col("units") + 1).alias("units_plus_one"),
    (pl.col("units") * 2 - 3).alias("units_affine"),
    (pl.col("units") / 2).alias("units_half"),
    (pl.col("units") // 7).alias("units_weeks"),
    (pl.col("returns") + 1).alias("returns_plus_one"),
    (pl.col("store_id") * 1000).alias("store_code"),
)
