# frame: customers
# Helper with keyword defaults used with and without overrides.
import polars as pl


def bucketize(col, low, high, labels=("low", "mid", "high")):
    return (
        pl.when(pl.col(col) < low).then(pl.lit(labels[0]))
        .when(pl.col(col) < high).then(pl.lit(labels[1]))
        .otherwise(pl.lit(labels[2]))
    )


df = df.with_columns(
    bucketize("credit_limit", 2000, 8000).alias("credit_level"),
    bucketize("loyalty_points", 100, 140, labels=("bronze", "silver", "gold")).alias("tier"),
)
