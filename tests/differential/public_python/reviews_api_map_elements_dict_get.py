# frame: reviews
# source: https://docs.pola.rs/api/python/stable/reference/expressions/api/polars.Expr.map_elements.html (docstring example with a lookup in a Python dict)
# construct: map_elements, lambda, dict_get, python_udf
# Each title looked up in a Python dict with a fallback, value by value.
import polars as pl

sentiment = {"Great": 1, "Terrible": -1, "Love it!": 1, "Not worth it": -1, "Five stars": 1}
df = df.select(
    "title",
    pl.col("title").map_elements(lambda x: sentiment.get(x, 0), return_dtype=pl.Int64, skip_nulls=True).alias("sentiment"),
)
