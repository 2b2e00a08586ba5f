# frame: transactions
# order: any
# Per-customer lists of amounts and categories, summarised with the list namespace: sums, means,
# spread, positions, counts, sorted and unique values, membership.
import polars as pl

lists = df.group_by("customer_id").agg(
    pl.col("amount").alias("amounts"),
    pl.col("category").alias("cats"),
    pl.col("quantity").alias("qty"),
)
df = lists.with_columns(
    pl.col("amounts").list.sum().alias("sum"),
    pl.col("amounts").list.mean().alias("mean"),
    pl.col("amounts").list.median().alias("median"),
    pl.col("amounts").list.std().alias("std"),
    pl.col("amounts").list.var(ddof=0).alias("var0"),
    pl.col("amounts").list.min().alias("min"),
    pl.col("amounts").list.max().alias("max"),
    pl.col("amounts").list.arg_max().alias("arg_max"),
    pl.col("amounts").list.arg_min().alias("arg_min"),
    pl.col("amounts").list.len().alias("n"),
    pl.col("amounts").list.drop_nulls().list.len().alias("n_valid"),
    pl.col("cats").list.n_unique().alias("n_cats"),
    pl.col("cats").list.unique().list.len().alias("n_cats_unique"),
    pl.col("cats").list.sort(nulls_last=True).alias("cats_sorted"),
    pl.col("cats").list.sort(descending=True).list.first().alias("cat_last_alpha"),
    pl.col("cats").list.unique(maintain_order=True).alias("cats_first_seen"),
    pl.col("cats").list.contains("toys").alias("bought_toys"),
    pl.col("cats").list.count_matches("grocery").alias("n_grocery"),
    pl.col("qty").list.reverse().list.first().alias("last_qty"),
    pl.col("qty").list.diff().list.max().alias("max_qty_jump"),
    pl.col("qty").list.shift(1).list.get(1, null_on_oob=True).alias("qty_shifted_1"),
    pl.col("amounts").list.any().alias("any_amount"),
    pl.col("qty").list.gather([0, -1], null_on_oob=True).alias("first_last_qty"),
    pl.col("qty").list.gather_every(2).list.sum().alias("qty_every_other"),
    pl.col("cats").list.head(2).list.join("|").alias("first_two_cats"),
    pl.col("cats").list.tail(1).alias("last_cat_list"),
    pl.col("cats").list.slice(1, 2).alias("cats_1_2"),
)
