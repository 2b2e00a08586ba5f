# frame: houses
# House age and decade built.
import polars as pl

CURRENT_YEAR = 2024
df = df.with_columns(
    (CURRENT_YEAR - pl.col("year_built")).alias("age"),
    ((pl.col("year_built") // 10) * 10).alias("decade_built"),
    (pl.col("year_built") < 1950).alias("is_prewar"),
)
