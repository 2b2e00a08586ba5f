# frame: sensors
# Min-max scaling of numeric sensors with name.suffix.
import polars as pl

cols = ["pressure", "humidity", "battery"]
df = df.with_columns(
    ((pl.col(cols) - pl.col(cols).min()) / (pl.col(cols).max() - pl.col(cols).min())).name.suffix("_scaled")
)
