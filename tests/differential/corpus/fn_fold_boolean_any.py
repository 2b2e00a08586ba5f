# frame: sensors
# Boolean folds: any and all of several conditions, with the accumulator a bool literal.
import polars as pl

checks = [pl.col("temperature") > 30, pl.col("humidity") > 80, pl.col("battery") < 10]
df = df.with_columns(
    pl.fold(pl.lit(False), lambda acc, x: acc | x, checks).alias("any_alarm"),
    pl.fold(pl.lit(True), lambda acc, x: acc & x, checks).alias("all_alarm"),
)
