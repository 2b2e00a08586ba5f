# frame: reviews
# source: github:PacktPublishing/Polars-Cookbook/Chapter04/ch04.ipynb (str_combined = pl.fold(acc=pl.lit(''), ...))
# construct: fold, lambda, string_fold, list_append, select, concat_str
# String concatenation with a fold over column names, next to concat_str.
import polars as pl

str_cols = ["title", "body"]
str_combined = pl.fold(acc=pl.lit(""), function=lambda acc, col: acc + col, exprs=str_cols).alias("Str Combined")
str_cols.append(str_combined)
df = df.select(str_cols).with_columns(pl.concat_str(["title", "body"]).alias("concat_str"))
