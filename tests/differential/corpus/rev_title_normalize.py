# frame: reviews
# Normalize titles: lower-case, strip punctuation, collapse to a key.
import polars as pl

df = df.with_columns(
    pl.col("title")
    .str.to_lowercase()
    .str.replace_all(r"[^\w\s]", "")
    .str.strip_chars()
    .str.replace_all(" ", "_", literal=True)
    .alias("title_key")
)
