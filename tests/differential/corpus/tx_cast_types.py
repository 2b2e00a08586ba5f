# frame: transactions
# Narrow and widen numeric types for the model.
import polars as pl

df = df.with_columns(
    pl.col("quantity").cast(pl.Float64).alias("quantity_f"),
    pl.col("is_fraud").cast(pl.UInt8).alias("label"),
    pl.col("discount").cast(pl.Float64),
    pl.col("tx_id").cast(pl.Int32),
)
