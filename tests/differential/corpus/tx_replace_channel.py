# frame: transactions
# Map channels to codes and readable names.
import polars as pl

channel_codes = {"web": 0, "store": 1, "app": 2}
df = df.with_columns(
    pl.col("channel").replace_strict(channel_codes).alias("channel_code"),
    pl.col("channel").replace({"web": "Website", "app": "Mobile app"}).alias("channel_name"),
)
