# frame: transactions
# One-hot encode the sales channel.
import polars as pl

df = df.to_dummies(columns=["channel"])
