# frame: sales
# As-of join per store: days since the most recent promo day (backward strategy).
import polars as pl

promos = df.filter(pl.col("promo")).select("store_id", "date", pl.col("date").alias("last_promo_date"))
df = df.sort("date").join_asof(promos.sort("date"), on="date", by="store_id", strategy="backward")
df = df.with_columns(
    (pl.col("date") - pl.col("last_promo_date")).dt.total_days().alias("days_since_promo")
)
