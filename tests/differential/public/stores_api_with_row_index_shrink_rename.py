# frame: stores
# source: https://docs.pola.rs/api/python/stable/reference/dataframe/api/polars.DataFrame.with_row_index.html + DataFrame.rename.html (mapping and function) + Series.shrink_dtype (the Expr method was removed in 2.0)
# construct: with_row_index, offset, rename, lambda, shrink_dtype, select
# Row numbers from 1, columns renamed by a mapping and by a function, and the smallest integer dtype.
import polars as pl

df = (
    df.with_row_index("nr", offset=1)
    .rename({"size_sqft": "sqft"})
    .rename(lambda name: name.upper() if name in ("city", "region") else name)
)
df = df.with_columns(df["sqft"].shrink_dtype().alias("sqft_small"))
