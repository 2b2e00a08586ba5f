# frame: transactions
# Weekly spend with windows that start on each weekday (start_by="monday" … "sunday"), on the
# first data point, and on the window boundary.
import polars as pl

tx = df.drop_nulls("ts").sort("ts")
weekly = []
for start in ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "datapoint", "window"]:
    w = (
        tx.group_by_dynamic("ts", every="1w", start_by=start)
        .agg(pl.col("amount").sum().alias("amount"), pl.len().alias("n"))
        .with_columns(pl.lit(start).alias("start_by"))
    )
    weekly.append(w)
df = pl.concat(weekly)
