# frame: customers
# source: https://docs.pola.rs/user-guide/expressions/strings/ (user-guide/expressions/strings.py, "df")
# construct: with_columns, str
# Byte length and character length of names (they differ for non-ASCII names).
import polars as pl

df = df.with_columns(
    pl.col("name").str.len_bytes().alias("byte_count"),
    pl.col("name").str.len_chars().alias("letter_count"),
)
