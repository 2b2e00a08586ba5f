# frame: customers
# Collect expressions with list.append / extend then apply once.
import polars as pl

features = []
features.append(pl.col("credit_limit").fill_null(0).alias("credit0"))
features.extend([
    pl.col("segment").is_null().alias("segment_missing"),
    pl.col("country").n_unique().over("segment").alias("countries_in_segment"),
])
df = df.with_columns(*features)
