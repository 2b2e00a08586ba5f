# frame: transactions
# Per-category thresholds from a small aggregate turned into Python dicts, then mapped back.
import polars as pl

stats = df.group_by("category").agg(pl.col("amount").quantile(0.9).alias("p90")).drop_nulls("category").sort("category")
p90 = {row["category"]: row["p90"] for row in stats.to_dicts()}
df = df.with_columns(
    pl.col("category").replace_strict(p90, default=None, return_dtype=pl.Float64).alias("category_p90"),
)
df = df.with_columns((pl.col("amount") > pl.col("category_p90")).alias("above_category_p90"))
