# frame: events
# source: https://docs.pola.rs/user-guide/expressions/lists-and-arrays/ (user-guide/expressions/lists.py, "array-overview") + Expr.list.to_array
# construct: filter, list, to_array, arr, join, sort, max, sum, contains
# Fixed-size arrays: rows with exactly 3 scores turned into Array columns and reduced with arr.*.
import polars as pl

df = df.filter(pl.col("scores").list.len() == 3, pl.col("scores").list.drop_nulls().list.len() == 3)
df = df.select(
    "event_id",
    pl.col("scores").list.to_array(3).alias("fav_numbers"),
    pl.col("scores").list.eval(pl.element().cast(pl.String)).list.to_array(3).alias("first_last"),
)
df = df.select(
    "event_id",
    pl.col("first_last").arr.join(" ").alias("name"),
    pl.col("fav_numbers").arr.sort(),
    pl.col("fav_numbers").arr.max().alias("largest_fav"),
    pl.col("fav_numbers").arr.sum().alias("summed"),
    pl.col("fav_numbers").arr.contains(3).alias("likes_3"),
)
