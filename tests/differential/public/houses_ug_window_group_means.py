# frame: houses
# source: https://docs.pola.rs/user-guide/expressions/window-functions/ (user-guide/expressions/window.py, "group_by")
# construct: select, mean, over
# Group means by zipcode and by (zipcode, condition) next to the overall mean.
import polars as pl

df = df.select(
    "zipcode",
    "condition",
    pl.col("price").mean().over("zipcode").alias("avg_price_by_zipcode"),
    pl.col("sqft")
    .mean()
    .over(["zipcode", "condition"])
    .alias("avg_sqft_by_zipcode_condition"),
    pl.col("price").mean().alias("avg_price"),
)
