# frame: houses
# Build a struct and read fields back; count distinct (zip, condition) pairs.
import polars as pl

df = df.with_columns(
    pl.struct(["zipcode", "condition"]).alias("zip_cond"),
).with_columns(
    pl.col("zip_cond").struct.field("zipcode").alias("zip_again"),
    pl.col("zip_cond").n_unique().alias("n_zip_cond"),
).drop("zip_cond")
