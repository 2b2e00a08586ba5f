# frame: sensors
# Device means of all float columns via cs.float().
import polars as pl
import polars.selectors as cs

df = df.with_columns(cs.float().mean().over("device_id").name.prefix("dev_mean_"))
