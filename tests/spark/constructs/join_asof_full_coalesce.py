# frame: transactions
# join_asof without `by` and with two `by` keys, both strategies with and without exact matches
# (ties among equal right keys, null keys, a colliding column suffixed); a coalesced full join.
import polars as pl

right = df.select("channel", "category", pl.col("ts").dt.truncate("1d").alias("ts"), "amount", "tx_id").sort("ts")
left = df.sort("ts")
a = left.join_asof(right, on="ts", strategy="backward", allow_exact_matches=False)
b = left.join_asof(right, on="ts", by=["channel", "category"], strategy="forward")
c = left.join_asof(right, on="ts", by="channel", strategy="backward")
per_cat = df.group_by("category", "channel").agg(pl.len().alias("n"))
per_chan = df.filter(pl.col("amount") > 50).group_by("channel", "category").agg(pl.col("amount").sum().alias("big"))
full = per_cat.join(per_chan, on=["category", "channel"], how="full", coalesce=True)
df = (
    a.select("tx_id", pl.col("tx_id_right").alias("a_prev"), pl.col("amount_right").alias("a_amount"))
    .join(b.select("tx_id", pl.col("tx_id_right").alias("b_next")), on="tx_id")
    .join(c.select("tx_id", pl.col("tx_id_right").alias("c_prev"), "category", "category_right"), on="tx_id")
    .join(full, on="category", how="left")
)
