# frame: transactions
# Keep the modelling columns and add a total.
import polars as pl

df = df.select(
    "tx_id",
    "customer_id",
    pl.col("amount"),
    (pl.col("amount") * pl.col("quantity")).alias("line_total"),
)
