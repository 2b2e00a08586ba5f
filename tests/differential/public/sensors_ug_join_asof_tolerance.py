# frame: sensors
# source: https://docs.pola.rs/user-guide/transformations/joins/ (user-guide/transformations/joins.py, "asof-tolerance")
# construct: join_asof, by, tolerance
# As above, but only "ok" readings at most 30 minutes old are matched.
import polars as pl

df_trades = df.filter(pl.col("status") == "warn").select("reading_time", "device_id", "temperature")
df_quotes = df.filter(pl.col("status") == "ok").select("reading_time", "device_id", "pressure")
df = df_trades.join_asof(
    df_quotes, on="reading_time", by="device_id", tolerance="30m", check_sortedness=False
)
