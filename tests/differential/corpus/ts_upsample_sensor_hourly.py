# frame: sensors
# One device's readings on a 30-minute grid (upsample without groups), interpolated.
import polars as pl

one = df.filter(pl.col("device_id") == "dev-01").sort("reading_time").select("reading_time", "temperature", "pressure")
df = (
    one.with_columns(pl.col("reading_time").dt.truncate("30m"))
    .unique("reading_time", keep="first", maintain_order=True)
    .upsample("reading_time", every="30m")
    .with_columns(pl.col("pressure").interpolate().alias("pressure_interp"))
)
