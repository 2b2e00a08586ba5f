# frame: sensors
# Long format of the numeric signals per reading (unpivot).
import polars as pl

df = df.unpivot(
    index=["device_id", "reading_time"],
    on=["temperature", "pressure"],
    variable_name="signal",
    value_name="value",
)
