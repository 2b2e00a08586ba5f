# frame: sensors
# Column names from str.format and %-formatting as older LLM code does.
import polars as pl

for i, q in enumerate([0.1, 0.9]):
    name = "temp_q{}".format(int(q * 100))
    df = df.with_columns(pl.col("temperature").quantile(q).over("device_id").alias(name))
df = df.with_columns(pl.col("pressure").max().over("device_id").alias("%s_max" % "pressure"))
