# frame: sales
# source: https://docs.pola.rs/api/python/stable/reference/dataframe/api/polars.DataFrame.group_by_dynamic.html (start_by / label parameters)
# construct: sort, group_by_dynamic, start_by, label, closed, agg
# Weekly windows starting on Mondays, labelled by their right edge.
import polars as pl

df = (
    df.sort("date")
    .group_by_dynamic("date", every="1w", start_by="monday", label="right", closed="left")
    .agg(pl.col("units").sum(), pl.col("store_id").n_unique().alias("n_stores"))
)
