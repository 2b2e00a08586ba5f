# frame: transactions
# A pipeline of three defs chained with pipe, with extra positional and keyword arguments.
import polars as pl


def add_ratio(d, numerator, denominator):
    return d.with_columns((pl.col(numerator) / pl.col(denominator)).alias(f"{numerator}_per_{denominator}"))


def flag_large(d, *, column, threshold=100.0):
    return d.with_columns((pl.col(column) > threshold).alias(f"{column}_large"))


def keep_features(d):
    return d.select("tx_id", "amount_per_quantity", "amount_large")


df = df.pipe(add_ratio, "amount", "quantity").pipe(flag_large, column="amount", threshold=50.0).pipe(keep_features)
