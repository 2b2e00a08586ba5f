# frame: sales
# source: https://docs.pola.rs/api/python/stable/reference/dataframe/api/polars.DataFrame.map_rows.html (docstring example)
# construct: map_rows, lambda, tuple_index, python_udf
# A Python function applied to every row tuple, returning a new row.
import polars as pl

df = df.select("units", "returns").drop_nulls().map_rows(lambda t: (t[0] * 2, t[1] * 3))
