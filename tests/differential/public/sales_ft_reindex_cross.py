# frame: sales
# source: github:functime-org/functime/functime/preprocessing.py (reindex)
# construct: lazy, select, unique, join, cross, left
# Every (store, date) combination, with the sales where there are some.
import polars as pl

X = df.lazy()
entity_col, time_col = X.collect_schema().names()[:2]
entities = X.select(pl.col(entity_col).unique())
timestamps = X.select(pl.col(time_col).unique())
idx = entities.join(timestamps, how="cross")
df = idx.join(X, how="left", on=[entity_col, time_col]).sort(entity_col, time_col).collect()
