# frame: reviews
# Word count of the body via split on whitespace.
import polars as pl

df = df.with_columns(
    pl.col("body").str.split(" ").list.len().alias("n_words"),
    pl.col("body").str.count_matches(r"\w+").alias("n_word_tokens"),
)
