# frame: transactions
# A fold over columns picked by a regex: pl.col("^amount_.*$") expands to every amount_ column,
# and the lambda's body (plain Polars on its two arguments) is the running sum.
import polars as pl

df = df.with_columns(
    amount_net=pl.col("amount") * (1 - pl.col("discount")),
    amount_tax=pl.col("amount") * 0.19,
    amount_fee=pl.lit(0.3),
)
df = df.with_columns(
    pl.fold(acc=pl.lit(0.0), function=lambda acc, x: acc + x, exprs=pl.col("^amount_.*$")).alias("amount_total")
)
