# frame: houses
# Standardize every float column found in df.schema.
import polars as pl

float_cols = [name for name, dtype in df.schema.items() if dtype == pl.Float64]
df = df.with_columns(
    [((pl.col(c) - pl.col(c).mean()) / pl.col(c).std()).alias(f"{c}_std") for c in float_cols]
)
