# frame: events
# source: https://docs.pola.rs/api/python/stable/reference/expressions/list.html (list.contains, list.join, list.sort, list.unique examples)
# construct: with_columns, list, contains, join, sort, unique, n_unique
# Tag flags, sorted/unique tag strings and counts from a list column.
import polars as pl

df = df.select("event_id", "tags").with_columns(
    pl.col("tags").list.contains("vip").alias("is_vip"),
    pl.col("tags").list.sort().list.join(", ").alias("tags_sorted"),
    pl.col("tags").list.unique().list.sort().alias("tags_unique"),
    pl.col("tags").list.n_unique().alias("n_tags"),
    pl.col("tags").list.join("|", ignore_nulls=True).alias("tags_pipe"),
)
