# frame: transactions
# source: https://docs.pola.rs/api/python/stable/reference/expressions/api/polars.Expr.over.html (order_by parameter example)
# construct: with_columns, over, order_by, cum_sum, cum_count, shift
# Running spend, visit number and previous amount per customer in time order, without sorting.
import polars as pl

df = df.with_columns(
    pl.col("amount").cum_sum().over("customer_id", order_by="ts").alias("running_spend"),
    pl.col("tx_id").cum_count().over("customer_id", order_by="ts").alias("visit_nr"),
    pl.col("amount").shift(1).over("customer_id", order_by="ts").alias("prev_amount"),
)
