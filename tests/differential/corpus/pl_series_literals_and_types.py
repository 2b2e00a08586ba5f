# frame: houses
# Literal Series and frames in feature code: pl.Series lookups in is_in and replace_strict,
# pl.LazyFrame tables, pl.Struct from pl.Field, int_ranges, Spearman correlation, np.arange
# weights, cs.first/cs.last/as_expr, and replace_time_zone with ambiguous/non_existent.
import numpy as np
import polars as pl
import polars.selectors as cs

good = pl.Series("good", ["good", "very good", "excellent"])
codes = pl.Series([1, 2, 3, 4, 5])
labels = pl.Series("labels", ["poor", "fair", "good", "very good", "excellent"])
zips = pl.LazyFrame({"zipcode": ["10115", "80331"], "city": ["Berlin", "München"]})
point = pl.Struct([pl.Field("lat", pl.Float64), pl.Field("lon", pl.Float64)])
stats = df.select(pl.corr("price", "sqft", method="spearman").alias("rho"), pl.corr("price", "sqft").alias("r"))
df = df.with_columns(
    pl.col("condition").is_in(good.to_list()).alias("is_good"),
    pl.col("condition").replace_strict(labels, codes, default=0).alias("condition_code"),
    pl.struct("lat", "lon").cast(point).struct.field("lat").alias("lat_again"),
    pl.int_ranges(0, pl.col("bedrooms")).list.sum().alias("bedroom_index_sum"),
    pl.col("price").rolling_mean(4, weights=np.arange(1, 5), min_samples=1).alias("price_wma"),
    pl.lit(stats["rho"].item()).alias("spearman"),
    cs.first().alias("first_col"),
    (~cs.by_name("has_garage").as_expr()).alias("no_garage"),
    pl.col("last_sold").dt.replace_time_zone("Europe/Berlin", ambiguous="earliest", non_existent="null").alias("sold_berlin"),
).join(zips.collect(), on="zipcode", how="left", maintain_order="left").select(cs.all() - cs.last(), cs.last())
