# frame: transactions
# Reinterpreting integer bits: signed ids as unsigned, and a float's bit pattern as an integer.
import polars as pl

df = df.select(
    "tx_id",
    (pl.col("customer_id") - 1200).alias("offset"),
    (pl.col("customer_id") - 1200).reinterpret(signed=False).alias("offset_unsigned"),
    pl.col("tx_id").cast(pl.UInt64).reinterpret(signed=True).alias("tx_signed"),
    pl.col("quantity").cast(pl.Int32).reinterpret(signed=False).alias("quantity_u32"),
)
