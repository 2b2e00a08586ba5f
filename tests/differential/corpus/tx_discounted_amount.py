# frame: transactions
# Amount after discount; missing discounts count as no discount.
import polars as pl

df = df.with_columns(
    net_amount=pl.col("amount") * (1 - pl.col("discount").fill_null(0)),
    has_discount=pl.col("discount").fill_null(0) > 0,
)
