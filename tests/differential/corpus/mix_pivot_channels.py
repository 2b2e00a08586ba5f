# frame: transactions
# Spend per customer and channel as columns (pivot), sorted by customer.
import polars as pl

df = (
    df.group_by("customer_id", "channel")
    .agg(pl.col("amount").sum())
    .pivot(on="channel", index="customer_id", values="amount", on_columns=["app", "store", "web"])
    .sort("customer_id")
)
