# frame: events
# source: github:PacktPublishing/Polars-Cookbook/Chapter07/ch07.ipynb (list.set_intersection / set_union / set_difference / set_symmetric_difference)
# construct: with_columns, list, slice, set_operations
# Set operations between the first two and the last two tags.
import polars as pl

df = (
    df.select("event_id", "tags")
    .with_columns(
        pl.col("tags").list.slice(0, 2).alias("tags_1"),
        pl.col("tags").list.slice(-2, 2).alias("tags_2"),
    )
    .select(
        "tags_1",
        "tags_2",
        pl.col("tags_1").list.set_intersection("tags_2").alias("intersection"),
        pl.col("tags_1").list.set_union("tags_2").alias("union"),
        pl.col("tags_1").list.set_difference("tags_2").alias("difference"),
        pl.col("tags_1").list.set_symmetric_difference("tags_2").alias("symmetric_difference"),
    )
)
