# frame: transactions
# source: github:PacktPublishing/Polars-Cookbook/Chapter04/ch04.ipynb (max_sales_rank + mapping_strategy join/explode)
# construct: group_by, agg, round, cast, rank, over, filter, is_in, sort, sort_by, head, mapping_strategy
# Rank merchants by their largest sale within each channel, then the 3 weakest merchants per channel.
import polars as pl

max_sales_rank = (
    df
    .group_by("channel", "merchant")
    .agg(pl.col("amount").max().round().cast(pl.Int64).alias("Max Sales Amt"))
    .with_columns(
        pl.col("Max Sales Amt").rank(descending=True).over("channel").cast(pl.Int64).alias("Rank")
    )
    .filter(pl.col("channel").is_in(["web", "app"]))
    .sort(["channel", "Rank", "merchant"])
)
df = max_sales_rank.with_columns(
    pl.col("merchant")
    .sort_by("Max Sales Amt")
    .head(3)
    .over("channel", mapping_strategy="join")
    .alias("Lowest 3 merchants per channel"),
    pl.col("merchant")
    .sort_by("Max Sales Amt")
    .over("channel", mapping_strategy="explode")
    .alias("merchant sorted by max sale"),
)
