# frame: customers
# Credit-limit quartiles with qcut.
import polars as pl

df = df.with_columns(
    pl.col("credit_limit").qcut(4, labels=["q1", "q2", "q3", "q4"]).alias("credit_quartile")
)
