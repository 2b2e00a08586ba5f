# frame: sensors
# Rolling windows for every size from a range with a step.
import polars as pl

df = df.sort("device_id", "reading_time")
for w in range(2, 11, 4):
    df = df.with_columns(
        pl.col("temperature").rolling_mean(w, min_samples=1).over("device_id").alias(f"temp_ma_{w}")
    )
