# frame: stores
# source: https://docs.pola.rs/api/python/stable/reference/dataframe/api/polars.DataFrame.row.html + DataFrame.item.html + DataFrame.get_columns.html (docstring examples)
# construct: row, named, by_predicate, item, get_columns, series_name, lit, frame_values
# Python values taken from the frame (a row as a tuple/dict, a cell, the columns) used in expressions.
import polars as pl

first = df.row(0)
biggest = df.row(by_predicate=pl.col("size_sqft") == pl.col("size_sqft").max(), named=True)
n_regions = df.select(pl.col("region").n_unique()).item()
names = [s.name for s in df.get_columns() if s.dtype == pl.String]
df = df.with_columns(
    pl.lit(first[2]).alias("first_city"),
    pl.lit(biggest["city"]).alias("biggest_city"),
    pl.lit(n_regions).alias("n_regions"),
    pl.lit(",".join(names)).alias("string_columns"),
    (pl.col("size_sqft") - df.item(0, "size_sqft")).alias("vs_first"),
)
