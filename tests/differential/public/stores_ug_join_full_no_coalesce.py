# frame: stores
# frames: sales
# source: https://docs.pola.rs/user-guide/transformations/joins/ (user-guide/transformations/joins.py, "full-join")
# construct: group_by, agg, join
# Full outer join without coalescing: both key columns are kept.
import polars as pl

totals = sales.group_by("store_id").agg(pl.col("revenue").sum()).sort("store_id")
df = df.join(totals, on="store_id", how="full").sort("store_id", "store_id_right", nulls_last=True)
