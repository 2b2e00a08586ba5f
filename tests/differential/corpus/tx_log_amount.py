# frame: transactions
# Log-transform of the absolute amount and a refund flag.
import polars as pl

df = df.with_columns(
    pl.col("amount").abs().log1p().alias("log_abs_amount"),
    (pl.col("amount") < 0).alias("is_refund"),
)
