# frame: events
# source: https://docs.pola.rs/api/python/stable/reference/expressions/api/polars.concat_list.html (docstring example: rolling window lists with shift)
# construct: with_columns, concat_list, shift, comprehension, list, over
# The last three values of each user as a list, built from shifted columns, and its mean.
import polars as pl

df = df.select("user_id", "day", "value").with_columns(
    pl.concat_list([pl.col("value").shift(i) for i in range(3)]).over("user_id").alias("value_window")
).with_columns(pl.col("value_window").list.mean().alias("window_mean"))
