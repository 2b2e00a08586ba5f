# frame: transactions
# replace_strict with default=None: mapped values change, every other value becomes null.
import polars as pl

df = df.with_columns(
    pl.col("category").replace_strict({"grocery": "food", "café & bar": "food", "toys": "kids"}, default=None).alias("group"),
    pl.col("channel").replace_strict(["web", "app"], [1, 2], default=None, return_dtype=pl.Int8).alias("online_code"),
)
