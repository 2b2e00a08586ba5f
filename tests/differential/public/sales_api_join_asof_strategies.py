# frame: sales
# source: https://docs.pola.rs/api/python/stable/reference/dataframe/api/polars.DataFrame.join_asof.html (population/gdp: backward, forward, nearest)
# construct: join_asof, strategy, coalesce, suffix
# A promo calendar matched to days with backward, forward and nearest as-of joins.
import polars as pl

population = df.filter(pl.col("store_id") == 9).select("date", "units")
gdp = (
    df.filter((pl.col("store_id") == 11) & pl.col("promo"))
    .select("date", pl.col("revenue").alias("promo_revenue"))
)
back = population.join_asof(gdp, on="date", strategy="backward")
back_nc = population.join_asof(gdp, on="date", strategy="backward", coalesce=False)
fwd = population.join_asof(gdp, on="date", strategy="forward")
near = population.join_asof(gdp, on="date", strategy="nearest")
df = (
    back.join(fwd, on=["date", "units"], suffix="_forward")
    .join(near, on=["date", "units"], suffix="_nearest")
    .with_columns(back_nc["date_right"].alias("matched_date"))
)
