# frame: transactions
# group_by on an expression (month of ts), sorted output.
import polars as pl

df = (
    df.group_by(pl.col("ts").dt.month().alias("month"), "channel")
    .agg(
        pl.col("amount").sum().alias("amount"),
        pl.col("is_fraud").sum().alias("n_fraud"),
    )
    .sort("month", "channel", nulls_last=True)
)
