# frame: transactions
# source: github:PacktPublishing/Polars-Cookbook/Chapter07/ch07.ipynb (views_rank_df, top3_views_df)
# construct: group_by, agg, list_eval, rank, explode, filter, agg_all
# order: any
# Rank amounts within each day's list, explode, keep the top 3 and regroup them.
import polars as pl

agg_df = (
    df.drop_nulls(["ts", "amount"])
    .with_columns(pl.col("ts").dt.date().alias("day"))
    .group_by("day")
    .agg("amount")
)
views_rank_df = agg_df.select(
    "day",
    "amount",
    pl.col("amount")
    .list.eval(pl.element().rank("dense", descending=True))
    .alias("amount_rank"),
)
top3_views_df = (
    views_rank_df
    .explode("amount", "amount_rank", empty_as_null=False)
    .filter(pl.col("amount_rank") <= 3)
    .group_by("day")
    .agg(pl.all().sort())
)
df = top3_views_df.select(
    "day",
    "amount_rank",
    "amount",
    pl.col("amount")
    .list.eval(pl.element().max() - pl.element())
    .alias("diff from the largest amount"),
)
