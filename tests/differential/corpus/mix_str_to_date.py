# frame: houses
# Parse a date string built from columns with str.to_date / to_datetime.
import polars as pl

df = df.with_columns(
    (pl.col("year_built").cast(pl.String) + "-07-01").str.to_date("%Y-%m-%d").alias("built_mid_year"),
    pl.col("last_sold").dt.strftime("%Y-%m-%d %H:%M").str.to_datetime("%Y-%m-%d %H:%M").alias("sold_minute"),
)
