# frame: transactions
# Keep only valid purchases: positive amount and a timestamp.
import polars as pl

df = df.filter(
    pl.col("amount") > 0,
    pl.col("ts").is_not_null(),
    ~pl.col("is_fraud"),
)
