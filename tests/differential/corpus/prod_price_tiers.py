# frame: products
# Price tiers relative to brand average; brand missing becomes its own group.
import polars as pl

df = df.with_columns(pl.col("brand").fill_null("no brand"))
df = df.with_columns(
    (pl.col("price") / pl.col("price").mean().over("brand")).alias("price_vs_brand"),
    pl.col("price").rank("ordinal").over("brand").alias("price_rank_in_brand"),
)
