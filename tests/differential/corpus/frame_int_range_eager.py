# frame: stores
# Eager integer ranges: a row id Series put into the frame, and a small lookup table of
# size bands built from pl.int_range(..., eager=True).
import polars as pl

row_id = pl.int_range(0, df.height, eager=True).alias("row_id")
bands = pl.DataFrame({"band": pl.int_range(0, 13, eager=True)}).with_columns(
    (pl.col("band") * 1000).alias("band_floor")
)
df = (
    df.with_columns(row_id, (pl.col("size_sqft") // 1000).cast(pl.Int64).alias("band"))
    .join(bands, on="band", how="left", maintain_order="left")
    .with_columns((pl.int_range(1, df.height + 1, eager=True) * 10).alias("tens"))
)
