# frame: reviews
# source: github:PacktPublishing/Polars-Cookbook/Chapter06/ch06.ipynb (Extracting substrings)
# construct: select, str, slice, extract, extract_all, extract_groups, regex_flags
# Substrings by position, by regex group index, all matches, and all groups as a struct.
import polars as pl

df = df.select(
    "body",
    pl.col("body").str.slice(3).alias("4thCharAndAfter"),
    pl.col("body").str.slice(3, 5).alias("5CharsAfter4thChar"),
    pl.col("body").str.slice(-2, 1).alias("TheLastToSecondChar"),
    pl.col("body").str.extract(r"([A-Za-z]+)").alias("extract"),
    pl.col("body").str.extract(r"([A-Za-z]{3}) ([0-9]+)", 0).alias("whole match"),
    pl.col("body").str.extract(r"([A-Za-z]{3}) ([0-9]+)", 1).alias("group 1"),
    pl.col("body").str.extract(r"([A-Za-z]{3}) ([0-9]+)", 2).alias("group 2"),
    pl.col("body").str.extract_all(r"(?i)([A-Z]+)").alias("extract_all"),
    pl.col("body").str.extract_groups(r"([A-Za-z]{3}) ([0-9]+)").alias("extract_groups"),
)
