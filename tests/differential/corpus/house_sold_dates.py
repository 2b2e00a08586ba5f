# frame: houses
# Features of the last sale date.
import polars as pl

df = df.with_columns(
    pl.col("last_sold").dt.year().alias("sold_year"),
    pl.col("last_sold").dt.quarter().alias("sold_quarter"),
    pl.col("last_sold").dt.month().is_in([6, 7, 8]).alias("sold_summer"),
    (pl.col("last_sold").dt.year() - pl.col("year_built")).alias("age_at_sale"),
)
