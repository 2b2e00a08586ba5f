# frame: reviews
# One-hot rating with to_dummies on a cast column, dropping nulls option.
import polars as pl

df = df.with_columns(pl.col("rating").cast(pl.String).alias("rating_str"))
df = df.to_dummies(columns=["rating_str"], drop_nulls=True)
