# frame: customers
# source: https://docs.pola.rs/api/python/stable/reference/expressions/api/polars.coalesce.html + Expr.is_first_distinct.html + Expr.is_last_distinct.html
# construct: with_columns, coalesce, is_first_distinct, is_last_distinct, any_horizontal
# First non-null of several columns, first/last occurrence flags, and a row-wise "any null".
import polars as pl

df = df.with_columns(
    pl.coalesce(["name", "email", pl.lit("anonymous")]).alias("display"),
    pl.col("country").is_first_distinct().alias("first_of_country"),
    pl.col("country").is_last_distinct().alias("last_of_country"),
    pl.any_horizontal(pl.col("segment", "country").is_null()).alias("any_missing"),
)
