# frame: sales
# source: github:PacktPublishing/Polars-Cookbook/Chapter05/ch05.ipynb (cs.float().is_nan().any(), df.fill_nan(None).drop_nulls())
# construct: selectors, is_nan, any, frame_fill_nan, drop_nulls, columns
# Names of float columns that contain NaN, and the frame with NaN and null rows removed.
import polars as pl
import polars.selectors as cs

cols_with_nan = df.select(cs.float().is_nan().any()).columns
df = df.fill_nan(None).drop_nulls().with_columns(pl.lit(", ".join(cols_with_nan)).alias("had_nan"))
