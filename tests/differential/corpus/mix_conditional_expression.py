# frame: houses
# Python if/else deciding which features to build, from the schema.
import polars as pl

has_lot = "lot_size" in df.columns
use_log = df["price"].min() > 0
price_feature = pl.col("price").log() if use_log else pl.col("price")
if has_lot:
    df = df.with_columns(
        price_feature.alias("price_feature"),
        (pl.col("lot_size") > df["lot_size"].median()).alias("big_lot"),
    )
else:
    df = df.with_columns(price_feature.alias("price_feature"))
