# frame: transactions
# Weekly revenue per channel with group_by_dynamic.
import polars as pl

df = (
    df.drop_nulls("ts")
    .sort("ts")
    .group_by_dynamic("ts", every="1w", group_by="channel")
    .agg(
        pl.col("amount").sum().alias("weekly_amount"),
        pl.len().alias("weekly_tx"),
    )
    .sort("channel", "ts")
)
