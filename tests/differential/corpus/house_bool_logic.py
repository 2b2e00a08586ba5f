# frame: houses
# Boolean combinations with &, |, ~ and xor.
import polars as pl

big = pl.col("sqft") > 2500
new = pl.col("year_built") >= 2000
df = df.with_columns(
    (big & new).alias("big_and_new"),
    (big | new).alias("big_or_new"),
    (~big).alias("not_big"),
    (big ^ new).alias("big_xor_new"),
)
