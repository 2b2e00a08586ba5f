# frame: transactions
# source: https://docs.pola.rs/user-guide/expressions/aggregation/ (user-guide/expressions/aggregation.py, "nested")
# construct: lazy, group_by, agg, filter, sort, limit
# Counts per (category, channel), keeping two channels, five largest.
import polars as pl

q = (
    df.lazy()
    .group_by("category", "channel")
    .agg(pl.len().alias("count"))
    .filter(
        (pl.col("channel") == "web")
        | (pl.col("channel") == "store")
    )
    .sort("count", descending=True)
    .limit(5)
)
df = q.collect()
