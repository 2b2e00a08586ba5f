# frame: transactions
# source: github:kevinheavey/modern-polars/book/indexing.qmd (head().tail(), gather, df[12:16, cols], df[[0, 1, 3], [0, 1]])
# construct: head, tail, gather, frame_indexing, concat
# Rows 12-15 of two columns three ways, and a row/column position pick, stacked.
import polars as pl

a = df.select(["merchant", "category"]).head(16).tail(4)
b = df.select(pl.col(["merchant", "category"]).gather(list(range(12, 16))))
c = df[12:16, ["merchant", "category"]]
d = df[[0, 1, 3], [8, 5]]
df = pl.concat([a, b, c, d])
