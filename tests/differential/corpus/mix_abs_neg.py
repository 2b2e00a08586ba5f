# frame: transactions
# Absolute value, negation and sign-based split.
import polars as pl

df = df.with_columns(
    pl.col("amount").abs().alias("abs_amount"),
    (-pl.col("amount")).alias("neg_amount"),
    pl.col("amount").sign().alias("amount_sign"),
    pl.when(pl.col("amount") < 0).then(-pl.col("amount")).otherwise(0.0).alias("refund_value"),
)
