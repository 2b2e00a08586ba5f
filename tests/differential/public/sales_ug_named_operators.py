# frame: sales
# source: https://docs.pola.rs/user-guide/expressions/basic-operations/ (user-guide/expressions/operations.py, "operator-overloading")
# construct: select, arithmetic_methods
# Arithmetic with the named methods add/sub/mul/truediv/pow/mod.
import polars as pl

df = df.select(
    (pl.col("units").add(5)).alias("units + 5"),
    (pl.col("units").sub(5)).alias("units - 5"),
    (pl.col("units").mul(pl.col("revenue"))).alias("units * revenue"),
    (pl.col("units").truediv(pl.col("revenue"))).alias("units / revenue"),
    (pl.col("units").pow(2)).alias("units ** 2"),
    (pl.col("units").mod(3)).alias("units % 3"),
)
