# frame: transactions
# Fraud rate of the merchant (target encoding style), joined back.
import polars as pl

merchant_fraud = (
    df.group_by("merchant")
    .agg(
        pl.col("is_fraud").mean().alias("merchant_fraud_rate"),
        pl.len().alias("merchant_tx"),
    )
)
df = df.join(merchant_fraud, on="merchant", how="left")
