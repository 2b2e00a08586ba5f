# frame: customers
# frames: transactions
# RFM features (recency, frequency, monetary) with helper function.
import polars as pl


def rfm_table(tx):
    """Recency/frequency/monetary per customer from a transactions frame."""
    end = tx["ts"].max()
    return tx.group_by("customer_id").agg(
        ((pl.lit(end) - pl.col("ts").max()).dt.total_days()).alias("recency"),
        pl.len().alias("frequency"),
        pl.col("amount").fill_nan(0).sum().alias("monetary"),
    )


df = df.join(rfm_table(transactions), on="customer_id", how="left")
df = df.with_columns(
    pl.col("frequency").fill_null(0),
    pl.col("monetary").fill_null(0.0),
)
