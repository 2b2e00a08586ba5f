# frame: sensors
# source: https://docs.pola.rs/api/python/stable/reference/expressions/api/polars.Expr.rank.html (method="average"/"min"/"max"/"dense"/"ordinal")
# construct: with_columns, rank, methods, over, comprehension
# All rank methods of the battery level within each device.
import polars as pl

df = df.select("device_id", "battery").with_columns(
    [pl.col("battery").rank(method).over("device_id").alias(f"rank_{method}") for method in ["average", "min", "max", "dense", "ordinal"]]
)
