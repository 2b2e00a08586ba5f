# frame: stores
# frames: sales
# Stores enriched with sales KPIs computed in a helper.
import polars as pl


def kpis(frame):
    # one row per store
    return frame.group_by("store_id").agg(
        pl.col("units").sum().alias("units_total"),
        pl.col("revenue").filter(~pl.col("revenue").is_nan()).sum().alias("revenue_total"),
        pl.col("returns").sum().alias("returns_total"),
    )


df = df.join(kpis(sales), on="store_id", how="left")
df = df.with_columns(
    (pl.col("revenue_total") / pl.col("size_sqft")).alias("revenue_per_sqft"),
    (pl.col("returns_total") / pl.col("units_total")).alias("return_ratio"),
)
