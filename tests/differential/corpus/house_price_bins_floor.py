# frame: houses
# Price bands of 100k using floor division and a string label.
import polars as pl

df = df.with_columns((pl.col("price") // 100_000).cast(pl.Int64).alias("price_band"))
df = df.with_columns(
    (pl.col("price_band").cast(pl.String) + "00k").alias("price_band_label")
)
