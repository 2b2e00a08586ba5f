# frame: houses
# Years since last sale, relative to the latest sale in the data.
import polars as pl

latest_sale = df.select(pl.col("last_sold").max()).item()
df = df.with_columns(
    ((pl.lit(latest_sale) - pl.col("last_sold")).dt.total_days() / 365.25).alias("years_since_sold")
)
