# frame: events
# source: https://docs.pola.rs/user-guide/expressions/lists-and-arrays/ (user-guide/expressions/lists.py, "list-entropy")
# construct: with_columns, list_agg, struct, entropy
# Entropy of the item quantities of each event.
import polars as pl

df = df.with_columns(
    pl.col("items")
    .list.agg(pl.element().struct.field("qty").entropy())
    .alias("qty_entropy"),
)
