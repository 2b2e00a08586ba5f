# frame: sales
# order: any
# Positions and order statistics per store: gather by a list and by arg_sort, get, search_sorted
# on a cumulative sum (an int and a Series of targets), top_k_by/bottom_k_by, and run lengths.
import polars as pl

one = df.filter(pl.col("store_id") == 3).sort("date").with_columns(pl.col("units").fill_null(0).cum_sum().alias("cum_units"))
firsts = one.select(pl.col("date").gather([0, 1, -1]).alias("first_dates"))
top_units = one.select(pl.col("units").gather(pl.col("revenue").arg_sort(descending=True).head(2)).alias("units_of_top_revenue"))
day_200 = one.select(pl.col("cum_units").search_sorted(200, side="left")).item()
targets = one.select(pl.col("cum_units").search_sorted(pl.Series([100, 400, 700]), side="right").alias("days"))
per_store = df.group_by("store_id").agg(
    pl.col("date").top_k_by("units", k=2).alias("best_days"),
    pl.col("units").bottom_k_by("date", k=3).alias("first_units"),
    pl.col("revenue").get(0).alias("revenue_first_row"),
    (pl.col("promo").rle().struct.field("len")).max().alias("longest_promo_run"),
)
df = per_store.with_columns(
    pl.lit(firsts["first_dates"].to_list()[0]).alias("store3_first_day"),
    pl.lit(day_200).alias("store3_day_200"),
    pl.lit(targets["days"].to_list()[-1]).alias("store3_day_700"),
    pl.lit(top_units["units_of_top_revenue"].sum()).alias("store3_top_units"),
)
