# frame: houses
# source: github:kevinheavey/modern-polars/book/tidy.qmd (joined_pl / reg_df_pl with_columns)
# construct: with_columns, alias_mid_chain, cast
# New columns named by an alias on the left operand of a comparison or subtraction.
import polars as pl

df = df.with_columns(
    [
        pl.col("price").alias("pricey") > pl.col("sqft") * 300,
        pl.col("bedrooms").cast(pl.Float64).alias("bed_bath_spread") - pl.col("bathrooms"),
        pl.col("has_garage").cast(pl.UInt8),
    ]
)
