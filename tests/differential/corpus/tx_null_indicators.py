# frame: transactions
# Missing-value indicator for each nullable column (loop over df.columns).
import polars as pl

for col in df.columns:
    if df[col].null_count() > 0:
        df = df.with_columns(pl.col(col).is_null().alias(f"{col}_missing"))
