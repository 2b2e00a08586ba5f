# frame: customers
# Columns chosen by Python string methods on df.columns.
import polars as pl

id_like = [c for c in df.columns if c.endswith("_id")]
date_like = [c for c in df.columns if "date" in c]
df = df.with_columns(
    [pl.col(c).cast(pl.String).alias(f"{c}_str") for c in id_like]
    + [pl.col(c).dt.year().alias(f"{c}_year") for c in date_like]
)
