# frame: sensors
# Column names from str.format as older LLM code does (positional, indexed and named fields).
import polars as pl

for i, q in enumerate([0.1, 0.9]):
    name = "temp_q{}".format(int(q * 100))
    df = df.with_columns(pl.col("temperature").quantile(q).over("device_id").alias(name))
template = "{0}_{stat}"
df = df.with_columns(pl.col("pressure").max().over("device_id").alias(template.format("pressure", stat="max")))
df = df.with_columns(pl.col("pressure").mean().round(1).alias("{:>5}_mean".format("p")))
