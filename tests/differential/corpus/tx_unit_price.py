# frame: transactions
# Unit price = amount / quantity (true division; zero and null quantities give inf/null).
import polars as pl

df = df.with_columns((pl.col("amount") / pl.col("quantity")).alias("unit_price"))
