# frame: transactions
# source: https://docs.pola.rs/api/python/stable/reference/expressions/api/polars.Expr.arg_sort.html + Expr.gather.html + Expr.slice.html (docstring examples)
# construct: group_by, agg, arg_sort, gather, slice, sort_by, maintain_order
# Per channel: indices of the largest amounts, the matching ids via gather, and a slice.
import polars as pl

df = df.drop_nulls("amount").group_by("channel", maintain_order=True).agg(
    pl.col("amount").arg_sort(descending=True).head(3).alias("top_idx"),
    pl.col("tx_id").gather(pl.col("amount").arg_sort(descending=True).head(3)).alias("top_tx"),
    pl.col("tx_id").sort_by("amount").slice(1, 2).alias("second_third_smallest"),
    pl.col("amount").arg_max().alias("argmax"),
)
