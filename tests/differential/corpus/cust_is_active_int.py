# frame: customers
# Boolean flags as integers, nulls treated as inactive.
import polars as pl

df = df.with_columns(
    pl.col("is_active").fill_null(False).cast(pl.Int32).alias("active_int"),
    pl.col("is_active").is_null().alias("active_unknown"),
)
