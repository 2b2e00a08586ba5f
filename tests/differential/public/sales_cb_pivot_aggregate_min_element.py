# frame: sales
# source: github:PacktPublishing/Polars-Cookbook/Chapter08/ch08.ipynb (pivot with aggregate_function='min' and pl.element())
# construct: concat, unpivot, pivot, aggregate_function, element
# Pivot with duplicate cells: aggregated by min, and kept as lists with pl.element().
import polars as pl

base = df.filter(pl.col("store_id") <= 2).select("store_id", "date", "units")
wide_df_with_dups = pl.concat([base.head(1), base])
long_df_with_dups = wide_df_with_dups.unpivot(index=["store_id", "date"], on=["units"], variable_name="measure", value_name="count")
a = long_df_with_dups.pivot(index="date", values="count", on="store_id", aggregate_function="min")
b = long_df_with_dups.pivot(index="date", values="count", on="store_id", aggregate_function=pl.element())
df = a.join(b, on="date", suffix="_list").sort("date")
