# frame: stores
# Store size classes and age in years.
import polars as pl

df = df.with_columns(
    pl.col("size_sqft").cut([2000, 6000, 10000], labels=["small", "medium", "large", "mega"]).alias("size_class"),
    (2024 - pl.col("opened").dt.year()).alias("store_age"),
    pl.col("opened").dt.strftime("%Y").alias("opened_year_str"),
)
