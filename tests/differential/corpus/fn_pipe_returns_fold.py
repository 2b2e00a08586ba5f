# frame: sensors
# A pipe step that builds a fold over columns chosen from the schema.
import polars as pl


def add_total(d, prefix):
    cols = [c for c in d.columns if c.startswith(prefix)]
    return d.with_columns(pl.fold(pl.lit(0.0), lambda a, x: a + x, cols).alias(f"{prefix}_total"))


df = df.with_columns(
    p_temperature=pl.col("temperature"),
    p_pressure=pl.col("pressure") / 100,
).pipe(add_total, "p_")
