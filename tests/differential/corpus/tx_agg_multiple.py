# frame: transactions
# Customer profile table: many aggregations at once.
import polars as pl

df = (
    df.group_by("customer_id", maintain_order=True)
    .agg(
        n_tx=pl.len(),
        total=pl.col("amount").sum(),
        mean_amount=pl.col("amount").mean(),
        median_amount=pl.col("amount").median(),
        std_amount=pl.col("amount").std(),
        n_refunds=(pl.col("amount") < 0).sum(),
        n_categories=pl.col("category").n_unique(),
        first_tx=pl.col("ts").min(),
        last_tx=pl.col("ts").max(),
        fraud_any=pl.col("is_fraud").any(),
    )
)
