# frame: transactions
# order: any
# Transactions per hour on a complete hourly grid built with pl.datetime_range(eager=True).
from datetime import datetime
import polars as pl

hours = pl.datetime_range(datetime(2023, 11, 15), datetime(2023, 12, 15), "1h", eager=True, closed="left").alias("hour")
counts = (
    df.drop_nulls("ts")
    .with_columns(pl.col("ts").dt.truncate("1h").alias("hour"))
    .group_by("hour")
    .agg(pl.len().alias("n_tx"), pl.col("amount").sum().alias("amount"))
)
df = hours.to_frame().join(counts, on="hour", how="left").with_columns(pl.col("n_tx").fill_null(0))
