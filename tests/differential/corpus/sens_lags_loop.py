# frame: sensors
# Lag features 1..4 for several signals in nested loops.
import polars as pl

df = df.sort("device_id", "reading_time")
signals = ["temperature", "humidity", "pressure"]
for signal in signals:
    for lag in range(1, 5):
        df = df.with_columns(
            pl.col(signal).shift(lag).over("device_id").alias(f"{signal}_lag{lag}")
        )
