# frame: reviews
# `eval`, `pipe`, `reduce` by meaning: list.eval (a Polars expression per list), DataFrame.pipe
# with a def, pl.reduce over expressions.
import polars as pl


def words(d):
    return d.with_columns(pl.col("title").str.to_lowercase().str.split(" ").alias("words"))


df = df.pipe(words).select(
    "review_id",
    pl.col("words").list.eval(pl.element().str.len_chars()).alias("word_lengths"),
    pl.col("words").list.eval(pl.element().str.strip_chars(".,!?")).list.join("-").alias("slug"),
    pl.reduce(lambda a, b: a + b, [pl.col("rating").cast(pl.Int64), pl.col("helpful_votes")]).alias("rating_plus_votes"),
)
