# frame: customers
# `all`, `any` by meaning: Python's on lists of bools, pl.all() (every column), Expr.all/any,
# list.any, and the horizontal functions.
import polars as pl

flags = [True, False, True]
df = df.select(
    pl.all().exclude("name", "email"),
).with_columns(
    pl.lit(all(flags)).alias("py_all"),
    pl.lit(any(flags)).alias("py_any"),
    pl.col("is_active").all().alias("all_active"),
    pl.col("is_active").any().alias("any_active"),
    pl.any_horizontal(pl.col("credit_limit").is_null(), pl.col("segment").is_null()).alias("any_missing"),
    pl.concat_list(pl.col("is_active"), pl.col("credit_limit") > 5000).list.any().alias("list_any"),
)
