# frame: houses
# A dict of named expressions passed as keyword arguments.
import polars as pl

features = {
    "price_per_bed": pl.col("price") / pl.col("bedrooms"),
    "lot_to_sqft": pl.col("lot_size") / pl.col("sqft"),
    "is_large_lot": pl.col("lot_size") > 10_000,
    "garage_int": pl.col("has_garage").cast(pl.Int8),
}
df = df.with_columns(**features)
