# frame: customers
# Generation from the birth year with cut.
import polars as pl

df = df.with_columns(
    pl.col("birth_year")
    .cut([1945, 1964, 1980, 1996], labels=["silent", "boomer", "gen_x", "millennial", "gen_z"])
    .alias("generation")
)
