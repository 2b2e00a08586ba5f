# frame: transactions
# order: any
# Per customer: the three largest amounts (sort + slice in an aggregation), the position of each
# row in amount order (arg_sort), and the 2nd to 4th transaction ids.
import polars as pl

ranked = df.with_columns(pl.col("amount").arg_sort(descending=True, nulls_last=True).alias("amount_order"))
df = ranked.group_by("customer_id").agg(
    pl.col("amount").drop_nulls().sort(descending=True).slice(0, 3).alias("top3_amounts"),
    pl.col("tx_id").sort().slice(1, 3).alias("tx_2_to_4"),
    pl.col("amount_order").min().alias("best_position"),
    pl.col("tx_id").slice(-1).first().alias("last_tx"),
)
