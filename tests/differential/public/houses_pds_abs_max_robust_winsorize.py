# frame: houses
# source: github:abstractqqq/polars_ds_extension/python/polars_ds/pipeline/transforms.py (scale "abs_max", robust_scale, winsorize)
# construct: lazy, max_horizontal, generator, quantile, interpolation, clip, row, zip, enumerate
# Max-abs scaling, robust (IQR) scaling and winsorizing to the 5%/95% quantiles.
import polars as pl

cols = ["price", "lot_size"]
temp = (
    df.lazy()
    .select(pl.max_horizontal(pl.col(c).min().abs(), pl.col(c).max().abs()) for c in cols)
    .collect()
    .row(0)
)
abs_max = [(pl.col(c) / m).name.suffix("_absmax") for c, m in zip(cols, temp) if m != 0.0]
temp = (
    df.lazy()
    .select(
        pl.col(cols).quantile(0.25, interpolation="midpoint").name.prefix("q1:"),
        pl.col(cols).quantile(0.75, interpolation="midpoint").name.prefix("q2:"),
    )
    .collect()
    .row(0)
)
n = len(cols)
robust = [((pl.col(c) - temp[i]) / (temp[n + i] - temp[i])).name.suffix("_robust") for i, c in enumerate(cols)]
temp = (
    df.lazy()
    .select(
        pl.col(cols).quantile(0.05, interpolation="nearest").name.prefix("l"),
        pl.col(cols).quantile(0.95, interpolation="nearest").name.prefix("u"),
    )
    .collect()
    .row(0)
)
winsor = [pl.col(c).clip(temp[i], temp[n + i]) for i, c in enumerate(cols)]
df = df.with_columns(abs_max + robust + winsor)
