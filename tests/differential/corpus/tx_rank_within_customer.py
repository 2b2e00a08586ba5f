# frame: transactions
# Rank of the amount inside each customer (1 = largest).
import polars as pl

df = df.with_columns(
    pl.col("amount").rank(method="dense", descending=True).over("customer_id").alias("amount_rank_in_cust"),
    pl.col("amount").rank().alias("amount_rank_global"),
)
