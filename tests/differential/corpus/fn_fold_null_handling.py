# frame: customers
# Nulls in a fold: `acc + x` turns a row null when any input is, fill_null(0) in the body keeps
# the other values.
import polars as pl

cols = ["credit_limit", "loyalty_points", "birth_year"]
df = df.select(
    "customer_id",
    pl.fold(pl.lit(0.0), lambda acc, x: acc + x, cols).alias("strict_sum"),
    pl.fold(pl.lit(0.0), lambda acc, x: acc + x.fill_null(0), cols).alias("lenient_sum"),
    pl.fold(pl.lit(0), lambda acc, x: acc + x.is_null().cast(pl.Int32), cols).alias("n_missing"),
)
