# frame: events
# source: https://docs.pola.rs/user-guide/expressions/lists-and-arrays/ (user-guide/expressions/lists.py, "list-aggregation")
# construct: select, list_eval, list_agg, struct, sort_by
# Like list.eval, but list.agg returns a scalar per row for min/max quantity.
import polars as pl

df = df.select(
    pl.col("items")
    .list.eval(
        pl.element()
        .sort_by(pl.element().struct.field("qty"), descending=True)
        .struct.field("sku")
    )
    .alias("skus_by_qty"),
    pl.col("items")
    .list.agg(pl.element().struct.field("qty").min())
    .alias("min_qty"),
    pl.col("items")
    .list.agg(pl.element().struct.field("qty").max())
    .alias("max_qty"),
)
