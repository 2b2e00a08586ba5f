# frame: sales
# source: github:PacktPublishing/Polars-Cookbook/Chapter08/ch08.ipynb (b.join_asof(a, on='int', strategy='backward'))
# construct: set_sorted, join_asof, strategy, int_key
# As-of join on an integer key: each day number gets the last earlier week-start value.
import polars as pl

a = (
    df.filter(pl.col("store_id") == 1)
    .select((pl.col("date").cast(pl.Int32) - 19692).alias("int"), pl.col("units").alias("value"))
    .filter(pl.col("int") % 7 == 0)
    .set_sorted("int")
)
b = pl.DataFrame({"int": list(range(0, 60, 3))}, schema={"int": pl.Int32}).set_sorted("int")
df = b.join_asof(a, on="int", strategy="backward")
