# frame: sales
# Weekly aggregation per store with group_by_dynamic (weeks start on Monday).
import polars as pl

df = (
    df.sort("date")
    .group_by_dynamic("date", every="1w", group_by="store_id")
    .agg(
        pl.col("units").sum().alias("week_units"),
        pl.col("revenue").sum().alias("week_revenue"),
        pl.col("promo").sum().alias("promo_days"),
    )
    .sort("store_id", "date")
)
