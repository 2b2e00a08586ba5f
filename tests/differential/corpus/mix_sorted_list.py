# frame: transactions
# Sorted list of categories and their index as an ordinal code.
import polars as pl

cats = sorted(df["category"].drop_nulls().unique().to_list())
mapping = {c: i for i, c in enumerate(cats)}
df = df.with_columns(pl.col("category").replace_strict(mapping, default=None).alias("category_idx"))
