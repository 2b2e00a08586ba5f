# frame: reviews
# Extract the first dollar amount mentioned in the review.
import polars as pl

df = df.with_columns(
    pl.col("body").str.extract(r"\$(\d+)", group_index=1).cast(pl.Int32).alias("first_dollar_amount"),
    pl.col("body").str.extract_all(r"\$\d+").list.len().alias("n_dollar_amounts"),
)
