# frame: transactions
# Essentials vs discretionary categories with is_in.
import polars as pl

ESSENTIALS = ["grocery", "health", "home"]
df = df.with_columns(
    pl.col("category").is_in(ESSENTIALS).alias("is_essential"),
    pl.col("channel").is_in(["web", "app"]).alias("is_online"),
)
