# frame: houses
# Long format of a few numeric columns, standardized per variable, pivoted back to wide.
import polars as pl

value_cols = ["price", "lot_size", "bathrooms"]
long = df.select("house_id", *value_cols).unpivot(index="house_id", on=value_cols, variable_name="var", value_name="val")
long = long.with_columns(((pl.col("val") - pl.col("val").mean().over("var")) / pl.col("val").std().over("var")).alias("z"))
df = long.pivot(on="var", index="house_id", values="z").sort("house_id")
df = df.rename({c: f"{c}_z" for c in value_cols})
