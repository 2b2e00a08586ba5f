# frame: houses
# Keep id, all numeric columns except lat/lon, and boolean columns.
import polars as pl
import polars.selectors as cs

df = df.select(cs.by_name("house_id"), cs.numeric() - cs.by_name("lat", "lon"), cs.boolean())
