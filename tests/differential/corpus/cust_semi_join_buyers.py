# frame: customers
# frames: transactions
# Keep only customers who bought something (semi join), and flag big spenders.
import polars as pl

buyers = transactions.filter(pl.col("amount") > 0)
df = df.join(buyers, on="customer_id", how="semi")
big = transactions.group_by("customer_id").agg(pl.col("amount").sum().alias("spend")).filter(pl.col("spend") > 500)
df = df.with_columns(pl.col("customer_id").is_in(big["customer_id"].to_list()).alias("big_spender"))
