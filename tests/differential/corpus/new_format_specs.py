# frame: houses
# Feature names from f-strings with format specs and str.format templates.
import polars as pl

for q in [0.1, 0.25, 0.75]:
    cut = df["price"].quantile(q)
    df = df.with_columns((pl.col("price") <= cut).alias(f"price_le_q{q:.0%}".replace("%", "")))
for i, w in enumerate([3, 12]):
    df = df.with_columns(pl.col("sqft").cast(pl.Float64).rolling_mean(w).alias("sqft_rm{:02d}_{}".format(w, i)))
label = f"{df.height:,}_rows"
df = df.with_columns(pl.lit(label).alias("label"))
