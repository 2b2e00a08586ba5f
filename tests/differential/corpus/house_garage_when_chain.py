# frame: houses
# Garage description with null-aware when/then.
import polars as pl

df = df.with_columns(
    pl.when(pl.col("has_garage").is_null())
    .then(pl.lit("unknown"))
    .when(pl.col("has_garage"))
    .then(pl.lit("garage"))
    .otherwise(pl.lit("no garage"))
    .alias("garage_desc")
)
