# frame: sensors
# source: https://docs.pola.rs/user-guide/transformations/joins/ (user-guide/transformations/joins.py, "asof")
# construct: join_asof, by
# For each warning reading, the latest earlier "ok" reading of the same device.
import polars as pl

df_trades = df.filter(pl.col("status") == "warn").select("reading_time", "device_id", "temperature")
df_quotes = df.filter(pl.col("status") == "ok").select("reading_time", "device_id", "pressure")
df = df_trades.join_asof(
    df_quotes, on="reading_time", by="device_id", check_sortedness=False
)
