# frame: houses
# Several documented helper functions composed into a feature set.
import polars as pl


def safe_ratio(num: str, den: str) -> pl.Expr:
    """Ratio of two columns; null where the denominator is zero or null."""
    return pl.when(pl.col(den) != 0).then(pl.col(num) / pl.col(den)).otherwise(None)


def log_feature(name: str) -> pl.Expr:
    """Natural log of 1 + the column, named log_<name>."""
    return pl.col(name).log1p().alias(f"log_{name}")


df = df.with_columns(
    safe_ratio("price", "sqft").alias("price_per_sqft"),
    safe_ratio("sqft", "bedrooms").alias("sqft_per_bed"),
    log_feature("price"),
    log_feature("lot_size"),
)
