# frame: transactions
# Bucket the amount with a when/then chain.
import polars as pl

df = df.with_columns(
    pl.when(pl.col("amount") < 0)
    .then(pl.lit("refund"))
    .when(pl.col("amount") == 0)
    .then(pl.lit("zero"))
    .when(pl.col("amount") < 20)
    .then(pl.lit("small"))
    .when(pl.col("amount") < 100)
    .then(pl.lit("medium"))
    .otherwise(pl.lit("large"))
    .alias("amount_bucket")
)
