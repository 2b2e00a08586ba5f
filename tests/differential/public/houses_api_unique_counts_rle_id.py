# frame: houses
# source: https://docs.pola.rs/api/python/stable/reference/expressions/api/polars.Expr.rle_id.html + Expr.rle.html (docstring examples)
# construct: with_columns, rle_id, rle, struct, sort
# Run ids of consecutive zipcodes after sorting by id, and the runs as (len, value) rows.
import polars as pl

df = df.sort("house_id").select("house_id", "zipcode").with_columns(pl.col("zipcode").rle_id().alias("run"))
runs = df.select(pl.col("zipcode").rle()).unnest("zipcode")
df = df.with_columns(pl.lit(runs["len"].max()).alias("longest_run"))
