# frame: reviews
# str.replace of the first regex match: an empty match at the start, alternation, a flag,
# Unicode classes, a pattern that never matches, and nulls.
import polars as pl

df = df.with_columns(
    pl.col("body").str.replace(r"\d*", "<n>").alias("empty_first"),
    pl.col("body").str.replace(r"great|good|bad", "X").alias("first_word"),
    pl.col("title").str.replace(r"(?i)the\s+", "").alias("no_first_the"),
    pl.col("body").str.replace(r"\w+$", "END").alias("last_word"),
    pl.col("title").str.replace(r"zzz\d", "?").alias("never"),
    pl.col("body").str.replace(r"[.!?]", ";").alias("first_punct"),
)
