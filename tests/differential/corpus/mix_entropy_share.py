# frame: transactions
# Entropy of a customer's channel mix from shares (log base 2).
import polars as pl

shares = (
    df.group_by("customer_id", "channel")
    .agg(pl.len().alias("n"))
    .with_columns((pl.col("n") / pl.col("n").sum().over("customer_id")).alias("p"))
)
entropy = shares.group_by("customer_id").agg((-(pl.col("p") * pl.col("p").log(2))).sum().alias("channel_entropy"))
df = df.join(entropy, on="customer_id", how="left")
