# frame: houses
# Row-wise null count across the nullable columns discovered with null_count().
import polars as pl

nullable = [c for c in df.columns if df[c].null_count() > 0]
df = df.with_columns(
    pl.sum_horizontal(pl.col(nullable).is_null()).alias("n_null_fields"),
    pl.lit(len(nullable)).alias("n_nullable_cols"),
)
