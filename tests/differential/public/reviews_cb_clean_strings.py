# frame: reviews
# source: github:PacktPublishing/Polars-Cookbook/Chapter06/ch06.ipynb (Cleaning strings)
# construct: select, str, strip_chars, replace, literal, n, replace_all, to_titlecase, pad_start, pad_end
# Strip, replace once / everywhere, title case and pad review titles.
import polars as pl

df = df.select(
    "title",
    pl.col("title").str.strip_chars().alias("stripped_text"),
    pl.col("title").str.replace("e", "new_e", literal=True, n=1).alias("replaced_text"),
    pl.col("title").str.replace_all("e", "new_e", literal=True).alias("replaced_all_text"),
    pl.col("title").str.to_titlecase().alias("title_case"),
    pl.col("title").str.pad_start(20, "~").alias("pad_start"),
    pl.col("title").str.pad_end(20, "~").alias("pad_end"),
    pl.col("title").str.pad_start(20, "0").alias("pad_start_0"),
)
