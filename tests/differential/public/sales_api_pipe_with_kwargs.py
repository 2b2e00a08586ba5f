# frame: sales
# source: https://docs.pola.rs/api/python/stable/reference/dataframe/api/polars.DataFrame.pipe.html (docstring example)
# construct: def, pipe, kwargs, lambda, sorted
# A function applied with pipe and a keyword argument, then columns sorted by name via a lambda.
import polars as pl


def cast_str_to_int(data, col_name):
    return data.with_columns(pl.col(col_name).cast(pl.Int64))


df = df.with_columns(pl.col("returns").cast(pl.String))
df = df.pipe(cast_str_to_int, col_name="returns")
df = df.pipe(lambda tdf: tdf.select(sorted(tdf.columns)))
