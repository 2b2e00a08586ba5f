# frame: houses
# Price deciles as integer labels.
import polars as pl

df = df.with_columns(
    pl.col("price").qcut(10, labels=[str(i) for i in range(10)]).cast(pl.String).cast(pl.Int32).alias("price_decile")
)
