# frame: sales
# source: https://docs.pola.rs/user-guide/expressions/structs/ (user-guide/expressions/structs.py, "ack" + "struct-ack")
# construct: struct, map_elements, lambda, recursive_def, python_udf
# A recursive Python function (Ackermann) applied to two small integer columns per row.
import polars as pl


def ack(m, n):
    if not m:
        return n + 1
    if not n:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


values = df.drop_nulls("units").select((pl.col("returns") % 3).alias("m"), (pl.col("units") % 4).alias("n")).head(50)
df = values.with_columns(
    pl.struct(["m", "n"])
    .map_elements(lambda s: ack(s["m"], s["n"]), return_dtype=pl.Int64)
    .alias("ack")
)
