# frame: transactions
# group_by_dynamic per group from each group's first point, and from Wednesdays, unsorted after.
import polars as pl

tx = df.drop_nulls("ts").sort("ts")
a = tx.group_by_dynamic("ts", every="2d", group_by="channel", start_by="datapoint").agg(pl.col("amount").sum().alias("s"), pl.col("tx_id").first().alias("first_tx"))
b = tx.group_by_dynamic("ts", every="1w", group_by=["channel", "category"], start_by="wednesday", include_boundaries=True).agg(pl.len().alias("s"), pl.col("tx_id").last().alias("first_tx"))
df = pl.concat([a, b.select(a.columns)], how="vertical_relaxed")
