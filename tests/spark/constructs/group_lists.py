# frame: transactions
# Lists per group in the frame's order (nulls kept), filtered, and unique in first-seen order.
import polars as pl

df = df.group_by("customer_id", maintain_order=True).agg(
    pl.col("amount").alias("amounts"),
    pl.col("category").alias("cats"),
    pl.col("tx_id").filter(pl.col("quantity") > 2).alias("big_tx"),
    pl.col("channel").unique(maintain_order=True).alias("channels"),
).with_columns(
    pl.col("amounts").list.len().alias("n"),
    pl.col("cats").list.get(0, null_on_oob=True).alias("first_cat"),
)
