# frame: houses
# f-strings with format specs for feature names.
import polars as pl

for q in [0.05, 0.5, 0.95]:
    df = df.with_columns((pl.col("price") > df["price"].quantile(q)).alias(f"above_p{q * 100:02.0f}"))
