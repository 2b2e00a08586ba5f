# frame: customers
# Age at the end of 2024 from the birth year, and an age band.
import polars as pl

REFERENCE_YEAR = 2024
df = df.with_columns((REFERENCE_YEAR - pl.col("birth_year")).alias("age"))
df = df.with_columns(
    pl.when(pl.col("age") < 25).then(pl.lit("<25"))
    .when(pl.col("age") < 45).then(pl.lit("25-44"))
    .when(pl.col("age") < 65).then(pl.lit("45-64"))
    .otherwise(pl.lit("65+"))
    .alias("age_band")
)
