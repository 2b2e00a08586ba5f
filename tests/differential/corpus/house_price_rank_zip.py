# frame: houses
# Price rank and percentile within each zipcode.
import polars as pl

df = df.with_columns(
    pl.col("price").rank("min").over("zipcode").alias("price_rank_zip"),
    (pl.col("price").rank("average").over("zipcode") / pl.len().over("zipcode")).alias("price_pctile_zip"),
    pl.col("price").rank("max", descending=True).alias("price_rank_desc"),
)
