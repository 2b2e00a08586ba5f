# frame: houses
# Room features: total rooms, bath/bed ratio, sqft per room.
import polars as pl

df = df.with_columns(
    total_rooms=pl.col("bedrooms") + pl.col("bathrooms"),
    bath_per_bed=pl.col("bathrooms") / pl.col("bedrooms"),
    sqft_per_bedroom=pl.col("sqft") / pl.col("bedrooms").clip(lower_bound=1),
)
