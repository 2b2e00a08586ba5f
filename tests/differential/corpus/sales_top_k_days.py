# frame: sales
# The three best days of every store.
import polars as pl

df = (
    df.filter(pl.col("units").is_not_null())
    .sort(["store_id", "units", "date"], descending=[False, True, False])
    .group_by("store_id", maintain_order=True)
    .head(3)
)
