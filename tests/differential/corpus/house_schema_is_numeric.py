# frame: houses
# Missing-value fill for numeric columns using dtype.is_numeric().
import polars as pl

numeric_cols = [c for c, t in df.schema.items() if t.is_numeric()]
exprs = []
for c in numeric_cols:
    exprs.append(pl.col(c).fill_null(pl.col(c).median()))
df = df.with_columns(exprs)
