# frame: customers
# Number of missing fields per row with sum_horizontal.
import polars as pl

df = df.with_columns(
    pl.sum_horizontal([pl.col(c).is_null() for c in df.columns]).alias("n_missing")
)
