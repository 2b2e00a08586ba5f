# frame: transactions
# Cyclic encoding of the hour of day with math.pi.
import math
import polars as pl

hour = pl.col("ts").dt.hour().cast(pl.Float64)
df = df.with_columns(
    (2 * math.pi * hour / 24).sin().alias("hour_sin"),
    (2 * math.pi * hour / 24).cos().alias("hour_cos"),
)
