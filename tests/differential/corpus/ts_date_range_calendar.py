# frame: sales
# frames: stores
# A complete store x day calendar from an eager pl.date_range, left-joined to the sales so days
# without a sale become explicit zeros.
import polars as pl

start, end = df["date"].min(), df["date"].max()
days = pl.date_range(start, end, "1d", eager=True)
calendar = pl.DataFrame({"date": days}).join(stores.select("store_id"), how="cross")
df = (
    calendar.join(df, on=["date", "store_id"], how="left")
    .with_columns(pl.col("units").fill_null(0), pl.col("promo").fill_null(False))
    .sort("store_id", "date")
)
