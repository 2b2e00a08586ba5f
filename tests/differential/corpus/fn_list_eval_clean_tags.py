# frame: events
# Cleaning lists with list.eval: strip and lowercase every element of a split string.
import polars as pl

df = df.with_columns(
    pl.col("tags").list.join(" , ").str.split(",").list.eval(pl.element().str.strip_chars()).alias("tags_clean"),
    pl.col("tags").list.eval(pl.element().str.to_uppercase()).alias("tags_upper"),
    pl.col("tags").list.eval(pl.element().str.len_chars()).alias("tag_lengths"),
)
