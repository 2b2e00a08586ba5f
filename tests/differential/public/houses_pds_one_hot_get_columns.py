# frame: houses
# source: github:abstractqqq/polars_ds_extension/python/polars_ds/pipeline/transforms.py (one_hot_encode)
# construct: lazy, selectors, unique, drop_nulls, implode, list, get_columns, series_indexing, eq_missing, generator, extend
# One-hot encoding of string columns from the sorted distinct values read back per column.
import polars as pl
import polars.selectors as cs

cols, separator, drop_first = ["zipcode", "condition"], "_", False
temp = (
    df.lazy()
    .select(cols)
    .select(
        (cs.string() | cs.categorical())
        .unique()
        .drop_nulls()
        .cast(pl.String)
        .implode()
        .list.sort()
    )
)
exprs: list[pl.Expr] = []
for t in temp.collect().get_columns():
    u: pl.Series = t[0]  # t is a Series which contains a single series, so u is a series
    if len(u) > 1:
        exprs.extend(
            pl.col(t.name).eq_missing(u[i]).cast(pl.UInt8).alias(t.name + separator + u[i])
            for i in range(int(drop_first), len(u))
        )
if len(exprs) == 0:
    raise ValueError("Provided columns either do not exist or are not string/categorical types.")
df = df.with_columns(exprs)
