# frame: sensors
# source: github:PacktPublishing/Polars-Cookbook/Chapter09/ch09.ipynb (datetime_range_lf = pl.LazyFrame({'datetime': pl.datetime_range(..., eager=True)}))
# construct: lazy, datetime_range, eager, frame_indexing, collect, join, left
# A regular 30-minute time grid from the min/max of one device, left-joined with its readings.
import polars as pl

lf = df.lazy().filter(pl.col("device_id") == "dev-04").with_columns(pl.col("reading_time").dt.truncate("30m"))
datetime_range_lf = pl.LazyFrame({
    "reading_time": pl.datetime_range(
        start=lf.select(pl.col("reading_time").min()).collect()[0, 0],
        end=lf.select(pl.col("reading_time").max()).collect()[0, 0],
        interval="30m",
        time_unit="ms",
        eager=True,
    )
})
df = (
    datetime_range_lf
    .join(lf.unique("reading_time", keep="first", maintain_order=True), on="reading_time", how="left")
    .select(
        "reading_time",
        pl.col("humidity")
    )
    .collect()
)
