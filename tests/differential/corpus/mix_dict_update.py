# frame: transactions
# Build a kwargs dict step by step, then pass it.
import polars as pl

named = {}
named["amount_abs"] = pl.col("amount").abs()
named["qty2"] = pl.col("quantity") * 2
named.update({"weekday": pl.col("ts").dt.weekday(), "is_app": pl.col("channel") == "app"})
df = df.with_columns(**named)
