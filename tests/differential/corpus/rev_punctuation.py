# frame: reviews
# Exclamation, question and digit counts as sentiment proxies.
import polars as pl

df = df.with_columns(
    pl.col("body").str.count_matches("!", literal=True).alias("n_exclaim"),
    pl.col("body").str.count_matches(r"\?").alias("n_question"),
    pl.col("body").str.count_matches(r"\d").alias("n_digits"),
    pl.col("body").str.contains(r"[A-Z]{3,}").alias("has_shouting"),
)
