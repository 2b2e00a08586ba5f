# frame: customers
# frames: transactions
# Spend per category per customer as separate columns (loop of joins).
import polars as pl

for cat in ["grocery", "electronics", "clothing"]:
    spend = (
        transactions.filter(pl.col("category") == cat)
        .group_by("customer_id")
        .agg(pl.col("amount").sum().alias(f"spend_{cat}"))
    )
    df = df.join(spend, on="customer_id", how="left")
    df = df.with_columns(pl.col(f"spend_{cat}").fill_null(0))
