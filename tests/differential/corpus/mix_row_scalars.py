# frame: stores
# Scalars: len(df), df.width, df.shape and rounding of a scalar.
import polars as pl

rows, cols = df.shape
avg_size = round(df["size_sqft"].mean(), 1)
df = df.with_columns(
    pl.lit(rows).alias("n_stores"),
    pl.lit(cols).alias("n_cols_before"),
    pl.lit(len(df)).alias("len_df"),
    (pl.col("size_sqft") > avg_size).alias("above_avg_size"),
)
