# frame: transactions
# source: https://docs.pola.rs/user-guide/expressions/structs/ (user-guide/expressions/structs.py, "state_value_counts")
# construct: select, value_counts, struct
# Counts of each channel, most frequent first, as a struct column.
import polars as pl

df = df.select(pl.col("channel").value_counts(sort=True))
