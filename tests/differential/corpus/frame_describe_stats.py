# frame: houses
# Summary statistics of the numeric, boolean and text columns with describe (default and custom
# percentiles with linear interpolation), read back as features.
import polars as pl
import polars.selectors as cs

summary = df.select(cs.numeric(), "has_garage", "condition", "zipcode").describe()
custom = df.select("price", "sqft").describe(percentiles=[0.1, 0.9], interpolation="linear")
p90 = custom.filter(pl.col("statistic") == "90%")["price"].item()
df = summary.with_columns(pl.lit(p90).alias("price_p90"), pl.lit(custom.height).alias("custom_rows"))
