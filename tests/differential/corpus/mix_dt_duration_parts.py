# frame: transactions
# Durations between transaction and a fixed cut-off in several units.
from datetime import datetime
import polars as pl

cutoff = datetime(2024, 1, 1)
delta = pl.col("ts") - pl.lit(cutoff)
df = df.with_columns(
    delta.dt.total_days().alias("days_from_ny"),
    delta.dt.total_hours().alias("hours_from_ny"),
    delta.dt.total_minutes().alias("minutes_from_ny"),
    (pl.col("ts") >= cutoff).alias("after_ny"),
)
