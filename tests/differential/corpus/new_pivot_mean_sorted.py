# frame: sales
# Mean units per store and promo flag, as wide columns (pivot with an aggregate function).
import polars as pl

wide = (
    df.with_columns(pl.when(pl.col("promo")).then(pl.lit("promo")).otherwise(pl.lit("regular")).alias("kind"))
    .pivot(on="kind", index="store_id", values="units", aggregate_function="mean", sort_columns=True)
    .sort("store_id")
)
df = wide.with_columns((pl.col("promo") - pl.col("regular")).alias("promo_lift"))
