# frame: sales
# Lazy group_by + join back, collected once.
import polars as pl

lazy_sales = df.lazy()
store_means = lazy_sales.group_by("store_id").agg(pl.col("units").mean().alias("store_mean_units"))
df = (
    lazy_sales.join(store_means, on="store_id", how="left")
    .with_columns((pl.col("units") / pl.col("store_mean_units")).alias("units_index"))
    .collect()
)
