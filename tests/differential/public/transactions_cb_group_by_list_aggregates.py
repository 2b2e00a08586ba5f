# frame: transactions
# source: github:PacktPublishing/Polars-Cookbook/Chapter07/ch07.ipynb (Aggregating elements in lists)
# construct: group_by, agg, implicit_list, list, sort
# Lists of values per day, then list.min/max/mean/sum/len and list.join of merchants.
import polars as pl

agg_df = (
    df.drop_nulls("ts")
    .with_columns(pl.col("ts").dt.date().alias("day"))
    .group_by("day")
    .agg(
        "amount",
        "quantity",
        "discount",
        "merchant",
    )
    .sort("day", descending=True)
)
df = (
    agg_df
    .select(
        "day",
        pl.col("amount").list.min().alias("amount_min"),
        pl.col("quantity").list.max().alias("quantity_max"),
        pl.col("discount").list.mean().alias("discount_mean"),
        pl.col("quantity").list.sum().alias("quantity_sum"),
        pl.col("amount").list.len().alias("item_cnt"),
        pl.col("merchant").list.join(":"),
    )
    .sort("day", descending=True)
)
