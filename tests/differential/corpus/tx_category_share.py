# frame: transactions
# Share of each category within the customer's transactions.
import polars as pl

df = df.with_columns(
    (pl.len().over(["customer_id", "category"]) / pl.len().over("customer_id")).alias("category_share")
)
