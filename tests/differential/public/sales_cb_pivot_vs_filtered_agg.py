# frame: sales
# source: github:PacktPublishing/Polars-Cookbook/Chapter08/ch08.ipynb (Turning rows into columns)
# construct: unpivot, pivot, group_by, maintain_order, agg, filter_in_agg, join
# Long to wide with pivot, and the same with filtered sums in a group_by.
import polars as pl

long_df = df.filter(pl.col("store_id") <= 3).with_columns(pl.col("returns").cast(pl.Int64)).unpivot(
    index=["store_id", "date"], on=["units", "returns"], variable_name="measure", value_name="count"
)
wide = long_df.pivot(index=["store_id", "date"], values="count", on="measure")
by_agg = (
    long_df
    .group_by("store_id", "date", maintain_order=True)
    .agg(
        pl.col("count").filter(pl.col("measure") == "units").sum().alias("units_sum"),
        pl.col("count").filter(pl.col("measure") == "returns").sum().alias("returns_sum"),
    )
)
df = wide.join(by_agg, on=["store_id", "date"], how="left")
