# frame: houses
# pl.fold keeps the accumulator's dtype: an int literal accumulator over Float64 and Int32
# columns gives Int32 (values truncated), as Python Polars does.
import polars as pl

df = df.select(
    "house_id",
    pl.fold(pl.lit(0), lambda acc, x: acc + x, [pl.col("price"), pl.col("sqft")]).alias("int_total"),
    pl.fold(pl.lit(0.0), lambda acc, x: acc + x, [pl.col("price"), pl.col("sqft")]).alias("float_total"),
    pl.fold(pl.lit(0), lambda acc, x: acc + x, ["bedrooms", "year_built"]).alias("small_ints"),
)
