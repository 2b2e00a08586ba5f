# frame: transactions
# Weekend and night-time flags.
import polars as pl

# weekday(): Monday = 1 ... Sunday = 7
df = df.with_columns(
    is_weekend=pl.col("ts").dt.weekday() >= 6,
    is_night=(pl.col("ts").dt.hour() < 6) | (pl.col("ts").dt.hour() >= 22),
)
