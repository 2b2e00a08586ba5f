# frame: reviews
# source: github:PacktPublishing/Polars-Cookbook/Chapter06/ch06.ipynb (Filtering rows based on conditions)
# construct: filter, str, contains_any, count_matches, len_chars, concat
# Reviews selected by prefix, literal substring, regex alternation, contains_any and match counts.
import polars as pl

a = df.filter(pl.col("body").str.starts_with("Works")).with_columns(pl.lit("starts").alias("rule"))
b = df.filter(pl.col("body").str.contains("!!!", literal=True)).with_columns(pl.lit("literal").alias("rule"))
c = df.filter(pl.col("body").str.contains(r"very happy|bien|I love")).with_columns(pl.lit("regex").alias("rule"))
d = df.filter(pl.col("body").str.contains_any(["gift", "love", "quality"])).with_columns(pl.lit("any").alias("rule"))
e = df.filter(pl.col("body").str.count_matches(r"\d") > 2).with_columns(pl.lit("digits").alias("rule"))
f = df.filter(pl.col("title").str.len_chars() > 10).with_columns(pl.lit("long").alias("rule"))
df = pl.concat([a, b, c, d, e, f])
