# frame: transactions
# Next transaction of the same customer (forward as-of join on the timestamp).
import polars as pl

nxt = df.select("customer_id", "ts", pl.col("ts").alias("next_ts"), pl.col("amount").alias("next_amount"))
df = df.sort("ts").join_asof(
    nxt.sort("ts"), on="ts", by="customer_id", strategy="forward", allow_exact_matches=False
)
df = df.with_columns((pl.col("next_ts") - pl.col("ts")).dt.total_minutes().alias("minutes_to_next"))
