# frame: houses
# source: github:abstractqqq/polars_ds_extension/python/polars_ds/pipeline/transforms.py (center)
# construct: lazy, row, zip, comprehension_filter
# Subtract the column means (skipping columns whose mean is exactly 0).
import polars as pl

cols = ["price", "sqft", "lat", "lon"]
means = df.lazy().select(pl.col(cols).mean()).collect().row(0)
df = df.with_columns([pl.col(c) - m for c, m in zip(cols, means) if m != 0.0])
