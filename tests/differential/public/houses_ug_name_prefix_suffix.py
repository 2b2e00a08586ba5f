# frame: houses
# source: https://docs.pola.rs/user-guide/expressions/expression-expansion/ (user-guide/expressions/expression-expansion.py, "prefix-suffix")
# construct: select, col_regex, name
# Prefix and suffix the names of expanded expressions.
import polars as pl

eur_usd_rate = 1.09
gbp_usd_rate = 1.31
df = df.select(
    (pl.col("^lot_.*$") / eur_usd_rate).name.prefix("in_eur_"),
    (pl.col("price", "lot_size") / gbp_usd_rate).name.suffix("_gbp"),
)
