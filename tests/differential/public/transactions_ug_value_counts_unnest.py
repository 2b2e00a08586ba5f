# frame: transactions
# source: https://docs.pola.rs/user-guide/expressions/structs/ (user-guide/expressions/structs.py, "struct_unnest")
# construct: select, value_counts, unnest
# Counts of each channel unnested into two columns.
import polars as pl

df = df.select(pl.col("channel").value_counts(sort=True)).unnest("channel")
