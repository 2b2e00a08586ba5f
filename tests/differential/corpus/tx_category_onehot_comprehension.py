# frame: transactions
# Indicator columns from the categories seen in the data (list comprehension).
import polars as pl

cats = df["category"].drop_nulls().unique().sort().to_list()
df = df.with_columns([
    (pl.col("category") == c).fill_null(False).alias(f"cat_{c.replace(' ', '_').replace('&', 'and')}")
    for c in cats
])
