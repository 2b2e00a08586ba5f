# frame: products
# Row numbers with int_range and with_row_index (offset 1).
import polars as pl

df = df.with_row_index("row_id", offset=1).with_columns(
    pl.int_range(pl.len(), dtype=pl.UInt32).alias("zero_based"),
    pl.int_range(0, pl.len()).reverse().alias("reverse_index"),
)
