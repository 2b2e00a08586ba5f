# frame: sensors
# Dummy-encode status and firmware.
import polars as pl

df = df.to_dummies(["status", "firmware"])
