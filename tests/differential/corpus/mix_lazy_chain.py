# frame: transactions
# Build the features lazily and collect at the end, as many LLMs do.
import polars as pl

lf = df.lazy()
lf = lf.with_columns(
    (pl.col("amount") * pl.col("quantity")).alias("gross"),
    pl.col("ts").dt.hour().alias("hour"),
)
lf = lf.filter(pl.col("hour").is_not_null())
df = lf.collect()
