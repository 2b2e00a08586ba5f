# frame: reviews
# Text cleaning: strip characters, replace first match, remove digits.
import polars as pl

df = df.with_columns(
    pl.col("body").str.strip_chars(".!? ").alias("body_stripped"),
    pl.col("body").str.replace(r"\d+", "#").alias("body_first_num_masked"),
    pl.col("body").str.replace_all(r"\d", "").alias("body_no_digits"),
    pl.col("title").str.strip_chars_end("!").alias("title_no_bang"),
)
