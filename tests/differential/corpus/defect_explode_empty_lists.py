# frame: reviews
# Exploding lists that can be empty or null: Python Polars 2.1 drops empty lists (one row for a
# null), both for frames and for expressions.
import polars as pl

nums = df.select("review_id", pl.col("body").str.extract_all(r"\d+").alias("numbers"))
df = nums.explode("numbers").with_columns(pl.col("numbers").cast(pl.Int64).alias("n"))
df = df.with_columns(pl.len().alias("rows"))
