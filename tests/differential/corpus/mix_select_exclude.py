# frame: customers
# Select everything except personal data with pl.exclude and pl.all.
import polars as pl

df = df.select(pl.exclude("name", "email"))
df = df.with_columns(pl.all().null_count().name.suffix("_nulls"))
