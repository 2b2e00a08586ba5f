# frame: transactions
# NaN, null and finite flags for amount.
import polars as pl

df = df.with_columns(
    pl.col("amount").is_nan().alias("amount_is_nan"),
    pl.col("amount").is_null().alias("amount_is_null"),
    pl.col("amount").is_finite().alias("amount_is_finite"),
    pl.col("amount").fill_nan(0.0).alias("amount_nan_to_zero"),
)
