# frame: sales
# source: github:kevinheavey/modern-polars/book/indexing.qmd (pl.when(pl.col("a") <= 3).then(pl.col("b") // 10).otherwise(pl.col("b")))
# construct: with_columns, when_then
# A when/then whose output takes the name of the first `then` column.
import polars as pl

df = df.with_columns(
    pl.when(pl.col("returns") <= 1)
    .then(pl.col("units") // 10)
    .otherwise(pl.col("units"))
)
