# frame: sales
# group_by_dynamic on a Date: monthly, 10-day and 2-week windows (6-week periods), with boundaries (Datetimes).
import polars as pl

s = df.sort("date")
m = s.group_by_dynamic("date", every="1mo", group_by="store_id", include_boundaries=True).agg(pl.col("units").sum().alias("u"))
d = s.group_by_dynamic("date", every="10d", include_boundaries=True, label="right").agg(pl.col("units").sum().alias("u")).with_columns(pl.lit(None, pl.Int16).alias("store_id"))
w = s.group_by_dynamic("date", every="2w", period="6w").agg(pl.col("units").mean().alias("u"))
df = pl.concat([m, d.select(m.columns)], how="vertical_relaxed").join(w.rename({"u": "u2w"}), on="date", how="left")
