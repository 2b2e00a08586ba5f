# frame: transactions
# source: github:PacktPublishing/Polars-Cookbook/Chapter07/ch07.ipynb (Applying logic to each element in lists)
# construct: group_by, agg, list_eval, element, first, last, str, filter
# list.eval with pl.element() and its first/last (Polars 2.1 refuses the book's pl.first()/pl.last()/pl.col("") there), string ops.
import polars as pl

agg_df = (
    df.drop_nulls(["ts", "merchant"])
    .with_columns(pl.col("ts").dt.date().alias("day"))
    .group_by("day")
    .agg("quantity", "merchant")
    .sort("day")
)
df = agg_df.select(
    "quantity",
    pl.col("quantity").list.eval(pl.element()).alias("pl.element"),
    pl.col("quantity").list.eval(pl.element().first()).alias("pl.first"),
    pl.col("quantity").list.eval(pl.element().last()).alias("pl.last"),
    pl.col("merchant").list.head(2),
    pl.col("merchant")
    .list.eval(pl.element().str.to_uppercase())
    .list.head(2)
    .alias("merchant_upper"),
    pl.col("merchant")
    .list.eval(pl.element().filter(pl.element().str.contains("A", literal=True)))
    .alias("merchant_with_A"),
)
