# frame: transactions
# order: any
# Category frequencies as a Struct (value_counts, also normalised and per channel) unnested into
# columns, and the count of each distinct category in first-seen order (unique_counts).
import polars as pl

freq = df.select(pl.col("category").value_counts(sort=True)).unnest("category")
shares = df.select(pl.col("merchant").value_counts(normalize=True, name="share")).unnest("merchant")
per_channel = df.group_by("channel").agg(pl.col("category").value_counts().alias("vc")).explode("vc").unnest("vc")
counts = df.select(pl.col("category").unique(maintain_order=True).alias("category"), pl.col("category").unique_counts().alias("n"))
df = (
    per_channel.join(freq, on="category", how="left", suffix="_all")
    .join(counts, on="category", how="left")
    .join(shares.rename({"merchant": "category"}), on="category", how="left")
)
