# frame: sales
# Every day of every store's sales period (upsample per store), the gaps filled forward for the
# price level and with zeros for the units.
import polars as pl

df = (
    df.filter(pl.col("store_id") <= 6)
    .sort("store_id", "date")
    .upsample(time_column="date", every="1d", group_by="store_id", maintain_order=True)
    .with_columns(
        pl.col("units").fill_null(0),
        pl.col("revenue").forward_fill().over("store_id").alias("revenue_ffill"),
        pl.col("promo").is_null().alias("was_missing"),
    )
)
