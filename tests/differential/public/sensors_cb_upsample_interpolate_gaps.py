# frame: sensors
# source: github:PacktPublishing/Polars-Cookbook/Chapter09/ch09.ipynb (upsampled_df + interpolate; datetime_with_gaps_lf)
# construct: filter, is_in, dt, set_sorted, upsample, maintain_order, interpolate
# One device's readings without some hours, upsampled to 15 minutes and interpolated.
import polars as pl

datetime_with_gaps = df.filter(pl.col("device_id") == "dev-02").filter(
    ~pl.col("reading_time").dt.hour().is_in([3, 5, 6, 9])
)
upsampled_df = (
    datetime_with_gaps
    .set_sorted("reading_time")
    .upsample(
        time_column="reading_time",
        every="15m",
        maintain_order=True
    )
    .select(
        "reading_time",
        pl.col("humidity")
    )
)
df = upsampled_df.with_columns(
    pl.col("humidity").interpolate().alias("humidity_interpolated")
)
