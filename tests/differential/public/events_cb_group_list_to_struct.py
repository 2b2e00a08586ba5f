# frame: events
# source: github:PacktPublishing/Polars-Cookbook/Chapter07/ch07.ipynb (pl.col('visitId').list.to_struct()); adapted: the book's list.to_struct(upper_bound=...) needs fields=[...] in Polars 2.x
# construct: group_by, agg, len, sort, list, to_struct, fields
# Event ids per (user, kind) as a list, and its first elements as a struct.
import polars as pl

df = (
    df
    .filter(pl.col("day") < pl.date(2023, 10, 8))
    .group_by("user_id", "kind")
    .agg(
        "event_id",
        pl.col("event_id").len().alias("numEvents")
    )
    .sort("user_id", "kind", "numEvents")
    .with_columns(
        pl.col("event_id").list.to_struct(fields=[f"field_{i}" for i in range(3)]).alias("struct_from_list")
    )
)
