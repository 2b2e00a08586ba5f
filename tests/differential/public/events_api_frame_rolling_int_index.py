# frame: events
# source: https://docs.pola.rs/api/python/stable/reference/dataframe/api/polars.DataFrame.rolling.html (docstring example, index count "3i")
# construct: with_row_index, frame_rolling, index_count, agg
# Rolling over an integer index column: the window is the last 3 index values.
import polars as pl

df = (
    df.filter(pl.col("user_id") == "u01")
    .with_row_index("int")
    .with_columns(pl.col("int").cast(pl.Int64))
    .rolling("int", period="3i")
    .agg(pl.col("clicks").alias("aggregated"), pl.col("clicks").sum().alias("s"))
)
