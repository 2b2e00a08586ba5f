# frame: customers
# source: https://docs.pola.rs/user-guide/expressions/aggregation/ (user-guide/expressions/aggregation.py, "basic")
# construct: lazy, group_by, agg, len, first, sort, limit
# Count, list of countries and first name per segment, largest segments first.
import polars as pl

q = (
    df.lazy()
    .group_by("segment")
    .agg(
        pl.len(),
        pl.col("country"),
        pl.first("name"),  # Short for `pl.col("name").first()`
    )
    .sort("len", descending=True)
    .limit(5)
)
df = q.collect()
