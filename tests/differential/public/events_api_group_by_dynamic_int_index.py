# frame: events
# source: https://docs.pola.rs/api/python/stable/reference/dataframe/api/polars.DataFrame.group_by_dynamic.html ("Dynamic group by on an index column")
# construct: with_row_index, group_by_dynamic, index_count, include_boundaries, closed
# Windows of 3 rows every 2 rows over an integer index, with their boundaries.
import polars as pl

df = (
    df.filter(pl.col("user_id") == "u05")
    .head(30)
    .with_row_index("idx")
    .with_columns(pl.col("idx").cast(pl.Int64))
    .group_by_dynamic(
        "idx",
        every="2i",
        period="3i",
        include_boundaries=True,
        closed="right",
    )
    .agg(pl.col("kind").alias("kind_agg_list"))
)
