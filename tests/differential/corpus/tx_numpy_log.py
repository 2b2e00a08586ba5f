# frame: transactions
# numpy ufuncs applied to expressions.
import numpy as np
import polars as pl

df = df.with_columns(
    np.log1p(pl.col("quantity")).alias("log_qty"),
    np.sqrt(pl.col("amount").abs()).alias("sqrt_abs_amount"),
    np.sign(pl.col("amount")).alias("amount_sign"),
)
