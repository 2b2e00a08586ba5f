# frame: reviews
# Combined text field for an embedding model; nulls skipped.
import polars as pl

df = df.with_columns(
    pl.concat_str([pl.col("title"), pl.col("body")], separator=". ", ignore_nulls=True).alias("full_text"),
    pl.concat_str(pl.col("title"), pl.lit(" ("), pl.col("rating").cast(pl.String), pl.lit("/5)")).alias("title_with_rating"),
)
