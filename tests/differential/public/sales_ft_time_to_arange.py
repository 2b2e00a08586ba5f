# frame: sales
# source: github:functime-org/functime/functime/preprocessing.py (time_to_arange)
# construct: lazy, int_ranges, len, over, explode, exclude
# Replace each store's dates by 0, 1, 2, ... (the row number within the store).
import polars as pl

X = df.lazy()
entity_col, time_col = X.collect_schema().names()[:2]
range_expr = (
    pl.int_ranges(0, pl.len(), dtype=pl.UInt32)
    .over(entity_col)
    .alias(time_col)
)
other_cols = pl.all().exclude([entity_col, time_col])
df = (
    X.group_by(entity_col, maintain_order=True)
    .agg(range_expr.first(), other_cols)
    .explode(pl.all().exclude(entity_col), empty_as_null=False)
    .collect()
)
