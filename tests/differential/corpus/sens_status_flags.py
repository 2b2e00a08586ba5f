# frame: sensors
# Status indicators; unknown status counts as neither ok nor fault.
import polars as pl

df = df.with_columns(
    (pl.col("status") == "ok").alias("is_ok"),
    (pl.col("status") == "fault").fill_null(False).alias("is_fault"),
    pl.col("status").is_in(["warn", "fault"]).alias("needs_attention"),
)
