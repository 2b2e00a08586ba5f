# frame: sensors
# Simple heat index from temperature and humidity, with numpy/math constants.
import math
import numpy as np
import polars as pl

t = pl.col("temperature")
rh = pl.col("humidity").cast(pl.Float64)
df = df.with_columns(
    (t + 0.33 * (rh / 100 * 6.105 * np.exp(17.27 * t / (237.7 + t))) - 4.0).alias("apparent_temp"),
    (t * 9 / 5 + 32).alias("temp_f"),
    (pl.col("pressure") * math.e / 1000).alias("pressure_scaled"),
)
