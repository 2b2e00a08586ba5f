# frame: stores
# frames: sales
# source: https://docs.pola.rs/user-guide/transformations/joins/ (user-guide/transformations/joins.py, "left-join" + "right-join")
# construct: group_by, agg, join
# Per-store totals joined to stores with a right join (stores 41/42 have no row in stores).
import polars as pl

totals = sales.group_by("store_id").agg(pl.col("units").sum()).sort("store_id")
df = df.join(totals, on="store_id", how="right")
