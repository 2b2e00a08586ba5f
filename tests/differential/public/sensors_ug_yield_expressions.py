# frame: sensors
# source: https://docs.pola.rs/user-guide/expressions/expression-expansion/ (user-guide/expressions/expression-expansion.py, "yield-expressions" + "for-with_columns")
# construct: group_by, agg, name, def, generator, loop
# order: any
# Per device high/low of two readings, then the amplitude of each from a generator of expressions.
import polars as pl

df = df.group_by("device_id").agg(
    pl.col("temperature", "pressure").max().name.suffix("_high"),
    pl.col("temperature", "pressure").min().name.suffix("_low"),
)


def amplitude_expressions(time_periods):
    for tp in time_periods:
        yield (pl.col(f"{tp}_high") - pl.col(f"{tp}_low")).alias(f"{tp}_amplitude")


df = df.with_columns(amplitude_expressions(["temperature", "pressure"]))
