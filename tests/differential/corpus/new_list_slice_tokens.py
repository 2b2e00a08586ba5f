# frame: reviews
# Token features of review titles: first words, last word, token counts.
import polars as pl

words = pl.col("title").str.to_lowercase().str.split(" ")
df = df.with_columns(
    words.list.slice(0, 2).list.join("_").alias("first_two_words"),
    words.list.tail(1).list.first().alias("last_word"),
    words.list.head(3).list.len().alias("n_head_tokens"),
    words.list.len().alias("n_tokens"),
)
