# frame: houses
# source: https://docs.pola.rs/user-guide/expressions/expression-expansion/ (user-guide/expressions/expression-expansion.py, "alias")
# construct: select, alias
# The same column converted twice, told apart by aliases.
import polars as pl

gbp_usd_rate = 1.31
eur_usd_rate = 1.09
df = df.select(
    (pl.col("price") / gbp_usd_rate).alias("price (GBP)"),
    (pl.col("price") / eur_usd_rate).alias("price (EUR)"),
)
