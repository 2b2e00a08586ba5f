# frame: events
# source: https://docs.pola.rs/api/python/stable/reference/expressions/api/polars.Expr.str.json_decode.html (docstring example with dtype)
# construct: with_columns, str, json_decode, dtype, struct, unnest
# Decode a JSON text column into a struct with a given schema, then unnest it.
import polars as pl

dtype = pl.Struct([pl.Field("device", pl.String), pl.Field("version", pl.Int64), pl.Field("price", pl.Float64), pl.Field("items", pl.List(pl.Int64))])
df = df.select(
    "event_id",
    pl.col("payload").str.json_decode(dtype).alias("decoded"),
).unnest("decoded")
