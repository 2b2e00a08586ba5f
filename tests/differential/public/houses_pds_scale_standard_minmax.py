# frame: houses
# source: github:abstractqqq/polars_ds_extension/python/polars_ds/pipeline/transforms.py (scale, method="standard"/"min_max")
# construct: lazy, name, row, enumerate, comprehension, std, ddof
# Standard and min-max scaling from statistics read back as a tuple.
import polars as pl

cols = ["price", "sqft", "lot_size"]
temp = (
    df.lazy()
    .select(
        pl.col(cols).mean().name.prefix("mean:"),
        pl.col(cols).std(ddof=0).name.prefix("std:"),
    )
    .collect()
    .row(0)
)
n = len(cols)
standard = [
    (pl.col(c) - temp[i]) / temp[i + n] for i, c in enumerate(cols) if temp[i + n] != 0.0
]
temp = (
    df.lazy()
    .select(
        pl.col(cols).min().name.prefix("min:"),
        pl.col(cols).max().name.prefix("max:"),
    )
    .collect()
    .row(0)
)
min_max = [
    ((pl.col(c) - temp[i]) / (temp[n + i] - temp[i])).name.suffix("_mm")
    for i, c in enumerate(cols)
    if temp[n + i] != temp[i]
]
df = df.with_columns(standard + min_max)
