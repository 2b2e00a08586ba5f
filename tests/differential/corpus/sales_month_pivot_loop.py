# frame: sales
# Monthly revenue columns per store via filter + agg in a loop.
import polars as pl

months = {"dec": 12, "jan": 1}
base = df.select("store_id").unique().sort("store_id")
for label, m in months.items():
    part = df.filter(pl.col("date").dt.month() == m).group_by("store_id").agg(
        pl.col("revenue").fill_nan(0).sum().alias(f"revenue_{label}")
    )
    base = base.join(part, on="store_id", how="left")
df = base
