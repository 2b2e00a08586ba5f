# frame: sales
# source: https://docs.pola.rs/user-guide/expressions/basic-operations/ (user-guide/expressions/operations.py, "collatz")
# construct: select, when_then
# One Collatz step: 3n+1 for odd numbers, n//2 for even ones.
import polars as pl

df = df.select(
    pl.col("units"),
    pl.when(pl.col("units") % 2 == 1)  # Is the number odd?
    .then(3 * pl.col("units") + 1)  # If so, multiply by 3 and add 1.
    .otherwise(pl.col("units") // 2)  # If not, divide by 2.
    .alias("Collatz"),
)
