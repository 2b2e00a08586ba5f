# frame: customers
# source: https://docs.pola.rs/api/python/stable/reference/expressions/api/polars.Expr.replace_strict.html (mapping with default)
# construct: with_columns, replace_strict, mapping, default, return_dtype, replace
# Map segments to codes (unknown → null) and countries to regions, keeping others with replace.
import polars as pl

mapping = {"Consumer": 1, "Corporate": 2, "Home Office": 3}
df = df.with_columns(
    pl.col("segment").replace_strict(mapping, default=None).alias("segment_code"),
    pl.col("country").replace_strict({"Deutschland": "EU", "España": "EU"}, default="other", return_dtype=pl.String).alias("region"),
    pl.col("country").replace({"USA": "United States"}).alias("country_long"),
)
