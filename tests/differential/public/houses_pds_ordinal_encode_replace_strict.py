# frame: houses
# source: github:abstractqqq/polars_ds_extension/python/polars_ds/pipeline/transforms.py (ordinal_encode)
# construct: lazy, selectors, unique, sort, implode, get_columns, int_range, eager, when_then, replace_strict, default
# Ordinal codes from the sorted distinct values; nulls and unknown values get their own codes.
import polars as pl
import polars.selectors as cs

cols, unknown_value, null_value = ["condition", "bedrooms"], -1.0, -2.0
temp = (
    df.lazy()
    .select(cols)
    .select(
        (cs.string() | cs.categorical() | cs.numeric() | cs.boolean())
        .unique()
        .drop_nulls()
        .sort()
        .implode()
    )
)
exprs: list[pl.Expr] = []
for t in temp.collect().get_columns():
    u: pl.Series = t[0]
    new = pl.int_range(0, len(u), eager=True).cast(pl.Float64)
    c = (
        pl.when(pl.col(t.name).is_null())
        .then(pl.lit(null_value, dtype=pl.Float64))
        .otherwise(
            pl.col(t.name).replace_strict(
                old=u,
                new=new,
                default=pl.lit(unknown_value, dtype=pl.Float64),
                return_dtype=pl.Float64,
            )
        )
        .alias(t.name)
    )
    exprs.append(c)
df = df.with_columns(exprs)
