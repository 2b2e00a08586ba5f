# frame: stores
# source: https://docs.pola.rs/user-guide/expressions/structs/ (user-guide/expressions/structs.py, "multi_column_apply")
# construct: struct, map_elements, lambda, dict_access, python_udf
# A value computed in Python from two fields of each row's struct.
import polars as pl

df = df.select(
    pl.struct(["city", "size_sqft"])
    .map_elements(lambda x: len(x["city"]) + (x["size_sqft"] or 0), return_dtype=pl.Int64)
    .alias("solution_map_elements"),
    (pl.col("city").str.len_bytes() + pl.col("size_sqft")).alias("solution_expr"),
)
