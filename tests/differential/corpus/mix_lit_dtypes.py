# frame: products
# Literals with explicit dtypes and typed nulls.
import polars as pl

df = df.with_columns(
    pl.lit(1, dtype=pl.Int16).alias("one_i16"),
    pl.lit(None, dtype=pl.Float64).alias("null_f64"),
    pl.lit("EUR").alias("currency"),
    pl.lit(True).alias("in_catalog"),
    pl.lit(0.19).alias("vat"),
)
