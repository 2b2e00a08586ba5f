# frame: houses
# Size category with cut and explicit breaks.
import polars as pl

breaks = [1000, 2000, 3000, 4000]
labels = ["xs", "s", "m", "l", "xl"]
df = df.with_columns(pl.col("sqft").cut(breaks, labels=labels).alias("size_class"))
