# frame: sensors
# source: https://docs.pola.rs/user-guide/expressions/user-defined-functions/ (user-defined-functions.py, "combine": struct + map_batches + lambda)
# construct: struct, map_batches, lambda, numpy, struct_field, python_udf
# Two columns passed together to a NumPy function via a struct and a lambda.
import numpy as np
import polars as pl


def add(arr, arr2):
    result = np.empty(len(arr))
    for i in range(len(arr)):
        result[i] = arr[i] + arr2[i]
    return pl.Series(result)


df = df.select(
    pl.struct(["pressure", "battery"])
    .map_batches(
        lambda combined: add(
            combined.struct.field("pressure").to_numpy(), combined.struct.field("battery").to_numpy()
        ),
        return_dtype=pl.Float64,
    )
    .alias("add_columns")
)
