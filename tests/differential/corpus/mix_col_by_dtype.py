# frame: transactions
# Column selection by dtype and by regex pattern with pl.col.
import polars as pl

df = df.with_columns(
    pl.col(pl.Float64).fill_nan(None).name.suffix("_clean"),
    pl.col("^.*_id$").cast(pl.String).name.prefix("str_"),
)
