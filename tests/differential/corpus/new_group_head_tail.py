# frame: transactions
# The two largest and the last transaction of every customer.
import polars as pl

top = df.sort("amount", descending=True, nulls_last=True).group_by("customer_id", maintain_order=True).head(2)
last = df.sort("ts").group_by("customer_id", maintain_order=True).tail(1)
df = top.select("customer_id", "tx_id", "amount").join(
    last.select("customer_id", pl.col("tx_id").alias("last_tx_id")), on="customer_id", how="left"
).sort("customer_id", "tx_id")
