# frame: transactions
# source: github:PacktPublishing/Polars-Cookbook/Chapter07/ch07.ipynb (Accessing and selecting elements in lists)
# construct: group_by, agg, list, sort, first, last, get, null_on_oob, head, tail, slice, gather
# Per merchant, the sorted list of days with first/last, positional picks, heads/tails and slices.
import polars as pl

trending_dates_by_channel = (
    df.drop_nulls("ts")
    .with_columns(pl.col("ts").dt.date().alias("day"))
    .group_by("merchant")
    .agg("day")
    .with_columns(pl.col("day").list.sort())
    .sort("merchant")
)
df = trending_dates_by_channel.with_columns(
    pl.col("day").list.first().alias("first_day"),
    pl.col("day").list.last().alias("last_day"),
    pl.col("day").list.get(7, null_on_oob=True).alias("8th_element"),
    pl.col("day").list.head().alias("first_5"),
    pl.col("day").list.tail(10).alias("last_10"),
    pl.col("day").list.sort(descending=True).list.head(3).alias("3_most_recent_days"),
    pl.col("day").list.slice(0, 2).alias("first_2_days"),
    pl.col("day").list.slice(-3, 1).alias("3rd_day_to_last"),
    pl.col("day").list.slice(7).alias("from_8th_day_to_end"),
    pl.col("day").list.gather([0, -1]).alias("first_and_last"),
    pl.col("day").list.gather([0, 0, 0, 0]).alias("first_repeated"),
    pl.col("day").list.gather([0, 250], null_on_oob=True).alias("first_and_250th_or_null"),
)
