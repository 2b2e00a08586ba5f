# frame: events
# source: https://docs.pola.rs/user-guide/expressions/lists-and-arrays/ (user-guide/expressions/lists.py, "list-sorting")
# construct: select, list_eval, struct, sort_by
# Item skus sorted by quantity, and the min/max quantity, from a list of structs.
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
    .list.eval(pl.element().struct.field("qty").min())
    .alias("min_qty"),
    pl.col("items")
    .list.eval(pl.element().struct.field("qty").max())
    .alias("max_qty"),
)
