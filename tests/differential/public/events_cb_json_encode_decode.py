# frame: events
# source: github:PacktPublishing/Polars-Cookbook/Chapter07/ch07.ipynb (total_struct_to_str_expr = pl.col('totals').struct.json_encode())
# construct: select, struct, json_encode, str, json_decode, dtype
# A struct column to JSON text and back to a struct.
import polars as pl

total_struct_to_str_expr = pl.col("meta").struct.json_encode()
df = (
    df
    .select(
        total_struct_to_str_expr.alias("meta_str"),
        total_struct_to_str_expr
        .str.json_decode(pl.Struct({"source": pl.String, "version": pl.Int64, "weight": pl.Float64}))
        .alias("meta_struct")
    )
)
