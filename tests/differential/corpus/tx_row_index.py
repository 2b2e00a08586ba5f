# frame: transactions
# Row index and position within each customer.
import polars as pl

df = df.with_row_index("row_nr").with_columns(
    pl.int_range(pl.len()).over("customer_id").alias("pos_in_customer")
)
