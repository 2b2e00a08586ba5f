# frame: customers
# frames: transactions
# Join per-customer transaction statistics onto the customer table.
import polars as pl

tx_summary = transactions.group_by("customer_id").agg(
    pl.len().alias("n_tx"),
    pl.col("amount").filter(pl.col("amount") > 0).sum().alias("gross_spend"),
    pl.col("amount").filter(pl.col("amount") < 0).sum().abs().alias("refunded"),
    pl.col("ts").max().alias("last_tx_ts"),
)
df = df.join(tx_summary, on="customer_id", how="left").with_columns(
    pl.col("n_tx").fill_null(0),
    pl.col("gross_spend").fill_null(0.0),
)
