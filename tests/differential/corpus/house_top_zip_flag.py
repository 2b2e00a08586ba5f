# frame: houses
# Flag houses in the three most common zipcodes, from value counts.
import polars as pl

top_zips = (
    df.group_by("zipcode")
    .agg(pl.len().alias("n"))
    .sort(["n", "zipcode"], descending=[True, False])
    .head(3)["zipcode"]
    .to_list()
)
df = df.with_columns(pl.col("zipcode").is_in(top_zips).alias("in_top_zip"))
