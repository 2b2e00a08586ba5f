# frame: customers
# frames: transactions
# Most used channel per customer (mode), joined back.
import polars as pl

fav = (
    transactions.group_by("customer_id", "channel")
    .agg(pl.len().alias("n"))
    .sort(["customer_id", "n", "channel"], descending=[False, True, False])
    .unique(subset="customer_id", keep="first", maintain_order=True)
    .select("customer_id", pl.col("channel").alias("favorite_channel"))
)
df = df.join(fav, on="customer_id", how="left")
