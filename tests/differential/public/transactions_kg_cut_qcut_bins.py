# frame: transactions
# source: https://docs.pola.rs/api/python/stable/reference/expressions/api/polars.Expr.qcut.html + Expr.cut.html (docstring examples; deprecated in 2.x but still common)
# construct: with_columns, cut, qcut, labels, left_closed, allow_duplicates, include_breaks
# Amount bands with fixed breaks and quartiles, with labels and with the break points.
import polars as pl

df = df.select("tx_id", "amount").with_columns(
    pl.col("amount").cut([0, 20, 100], labels=["refund", "small", "medium", "large"]).alias("band"),
    pl.col("amount").qcut([0.25, 0.5, 0.75], labels=["q1", "q2", "q3", "q4"], allow_duplicates=True).alias("quartile"),
    pl.col("amount").cut([0, 50], left_closed=True, include_breaks=True).alias("with_breaks"),
).unnest("with_breaks")
