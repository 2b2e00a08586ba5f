# frame: sales
# First/last date and units on those days per store.
import polars as pl

df = (
    df.sort("date")
    .group_by("store_id", maintain_order=True)
    .agg(
        pl.col("date").first().alias("first_day"),
        pl.col("date").last().alias("last_day"),
        pl.col("units").first().alias("first_units"),
        pl.col("units").last().alias("last_units"),
        pl.col("units").drop_nulls().mean().alias("mean_units"),
    )
)
