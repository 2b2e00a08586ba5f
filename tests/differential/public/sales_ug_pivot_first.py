# frame: sales
# source: https://docs.pola.rs/user-guide/transformations/pivot/ (user-guide/transformations/pivot.py, "eager")
# construct: pivot
# Units per date (rows) and store (columns), the first value per cell.
import polars as pl

df = df.filter(pl.col("store_id") <= 5).pivot("store_id", index="date", values="units", aggregate_function="first").sort("date")
