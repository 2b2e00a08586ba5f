# frame: sales
# Retail weeks that start on Friday, per store, with boundaries and a 2-week period.
import polars as pl

df = (
    df.sort("store_id", "date")
    .group_by_dynamic("date", every="1w", period="2w", start_by="friday", group_by="store_id", include_boundaries=True)
    .agg(
        pl.col("units").sum().alias("units_2w"),
        pl.col("promo").mean().alias("promo_share"),
        pl.col("revenue").max().alias("revenue_max"),
        pl.col("revenue").min().alias("revenue_min"),
    )
)
