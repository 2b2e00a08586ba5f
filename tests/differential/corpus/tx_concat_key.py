# frame: transactions
# Composite key of channel and category.
import polars as pl

df = df.with_columns(
    pl.concat_str([pl.col("channel"), pl.col("category")], separator="|").alias("channel_category"),
    (pl.col("channel") + "_" + pl.col("customer_id").cast(pl.String)).alias("channel_customer"),
)
