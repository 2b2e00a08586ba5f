# frame: stores
# frames: sales
# source: https://docs.pola.rs/user-guide/transformations/joins/ (user-guide/transformations/joins.py, "full-join" + "full-join-coalesce")
# construct: group_by, agg, join, coalesce
# Full outer join of stores and per-store totals, keys coalesced into one column.
import polars as pl

totals = sales.group_by("store_id").agg(pl.col("revenue").sum()).sort("store_id")
df = df.join(
    totals,
    on="store_id",
    how="full",
    coalesce=True,
).sort("store_id")
