# frame: houses
# pl.cum_fold: a Struct of the running sums, one field per input, unnested into columns.
import polars as pl

df = df.select(
    "house_id",
    pl.cum_fold(pl.lit(0.0), lambda acc, x: acc + x, [pl.col("price"), pl.col("lot_size"), pl.col("sqft")]),
).unnest("cum_fold")
