# frame: customers
# pipe with lambdas whose bodies are plain Polars.
import polars as pl

df = (
    df.pipe(lambda d: d.with_columns(pl.col("credit_limit").fill_null(0).alias("limit")))
    .pipe(lambda d, k: d.with_columns((pl.col("limit") / k).alias("limit_k")), 1000)
    .pipe(lambda d: d.filter(pl.col("is_active")))
)
