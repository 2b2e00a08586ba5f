# frame: transactions
# order: any
# DataFrame.rolling: a time window per row (index_column, period), per customer (group_by).
import polars as pl

df = df.drop_nulls("ts").sort("ts").rolling(index_column="ts", period="7d", group_by="customer_id").agg(
    pl.col("amount").sum().alias("amount_7d"),
    pl.col("amount").count().alias("n_7d"),
    pl.col("amount").max().alias("max_7d"),
)
