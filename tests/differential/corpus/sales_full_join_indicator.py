# frame: sales
# frames: stores
# Which sales rows have no store master data (left join + null check).
import polars as pl

df = df.join(stores.select("store_id", pl.lit(True).alias("has_master")), on="store_id", how="left")
df = df.with_columns(pl.col("has_master").fill_null(False))
