# frame: sensors
# Parse the firmware version string into numeric parts.
import polars as pl

version = pl.col("firmware").str.strip_prefix("v").str.split("-").list.first()
df = df.with_columns(
    version.str.split(".").list.get(0).cast(pl.Int32).alias("fw_major"),
    version.str.split(".").list.get(1).cast(pl.Int32).alias("fw_minor"),
    version.str.split(".").list.get(2).cast(pl.Int32).alias("fw_patch"),
    pl.col("firmware").str.contains("beta").alias("fw_beta"),
)
