# frame: transactions
# group_by_dynamic options beyond the corpus: label right/datapoint, boundaries, 3d and 6h windows.
import polars as pl

tx = df.drop_nulls("ts").sort("ts")
right = tx.group_by_dynamic("ts", every="3d", label="right", include_boundaries=True).agg(pl.col("amount").sum().alias("s"), pl.len().alias("n"))
point = tx.group_by_dynamic("ts", every="6h", label="datapoint").agg(pl.col("amount").max().alias("s"), pl.len().alias("n"))
df = pl.concat([right.select("ts", "s", "n"), point.select("ts", "s", "n")])
