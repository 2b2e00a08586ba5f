# frame: sales
# with_columns with a list of expressions plus keyword names.
import polars as pl

df = df.with_columns(
    [
        pl.col("units").fill_null(0).alias("units0"),
        pl.col("revenue").fill_nan(0.0).alias("revenue0"),
        pl.col("promo").cast(pl.Int8).alias("promo_int"),
    ],
    revenue_per_unit=pl.col("revenue") / pl.col("units"),
    day_index=pl.col("date").rank("dense").cast(pl.Int32),
)
