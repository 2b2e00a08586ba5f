# frame: sales
# source: https://docs.pola.rs/user-guide/expressions/basic-operations/ (user-guide/expressions/operations.py, "comparison" + "boolean")
# construct: select, comparison, boolean_ops
# Comparisons and boolean combinations, with operators and with not_/and_/or_.
import polars as pl

df = df.select(
    (pl.col("units") > 40).alias("units > 40"),
    (pl.col("revenue") <= 300).alias("revenue <= 300"),
    (pl.col("units") != 40).alias("units != 40"),
    ((~pl.col("units").is_null()) & (pl.col("promo") == True)).alias("units not null and promo"),  # noqa: E712
    (pl.col("units").is_null().not_().and_(pl.col("promo") == True)).alias("same with and_"),  # noqa: E712
    ((pl.col("revenue") < 200).or_(pl.col("returns") > 2)).alias("low revenue or many returns"),
)
