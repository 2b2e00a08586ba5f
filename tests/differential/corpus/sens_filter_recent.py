# frame: sensors
# Readings from 2024 only, with a healthy battery.
from datetime import datetime
import polars as pl

df = df.filter(
    (pl.col("reading_time") >= datetime(2024, 1, 1)) & (pl.col("battery") > 30)
)
