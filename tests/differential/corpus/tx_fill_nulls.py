# frame: transactions
# Fill missing values with sensible defaults per column.
import polars as pl

df = df.with_columns(
    pl.col("quantity").fill_null(1),
    pl.col("category").fill_null("unknown"),
    pl.col("merchant").fill_null("unknown"),
    pl.col("amount").fill_nan(None).fill_null(pl.col("amount").fill_nan(None).median()),
)
