# frame: transactions
# source: https://docs.pola.rs/api/python/stable/reference/expressions/api/polars.Expr.top_k_by.html + Expr.bottom_k_by.html (group_by context example)
# construct: group_by, maintain_order, agg, top_k_by, bottom_k_by, top_k
# Per channel: the merchants of the 3 largest and 2 smallest amounts, and the 3 largest quantities.
import polars as pl

df = df.drop_nulls(["amount", "merchant"]).filter(pl.col("amount").is_not_nan()).group_by("channel", maintain_order=True).agg(
    pl.col("merchant").top_k_by("amount", k=3).alias("top_merchants"),
    pl.col("merchant").bottom_k_by("amount", k=2).alias("bottom_merchants"),
    pl.col("amount").top_k(3).alias("top_amounts"),
)
