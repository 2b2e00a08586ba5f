# frame: sales
# Join a store-weekday average on two keys.
import polars as pl

df = df.with_columns(pl.col("date").dt.weekday().alias("dow"))
dow_avg = df.group_by(["store_id", "dow"]).agg(pl.col("units").mean().alias("store_dow_avg_units"))
df = df.join(dow_avg, on=["store_id", "dow"], how="left")
df = df.with_columns((pl.col("units") - pl.col("store_dow_avg_units")).alias("units_vs_dow_avg"))
