# frame: customers
# source: github:tdiprima/modern-dataframes/src/polars_advanced_techniques/concat_str.py
# construct: with_columns, concat_str, when_then, is_not_null, fill_null
# Build a display name with an optional prefix and a placeholder for missing names.
import polars as pl

df = df.with_columns(
    pl.concat_str([
        pl.when(pl.col("segment").is_not_null())
        .then(pl.concat_str([pl.col("segment"), pl.lit(" ")]))
        .otherwise(pl.lit("")),
        pl.col("name").fill_null("Unknown"),
        pl.lit(" "),
        pl.col("country")
    ]).alias("full_name")
)
