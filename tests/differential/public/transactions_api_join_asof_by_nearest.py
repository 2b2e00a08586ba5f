# frame: transactions
# source: https://docs.pola.rs/api/python/stable/reference/dataframe/api/polars.DataFrame.join_asof.html (pop2.join_asof(gdp2, by="country", on="date", strategy="nearest"))
# construct: join_asof, by, strategy, cast, sort
# For each purchase, the nearest earlier-or-later purchase of the same customer with a large amount.
import polars as pl

pop2 = df.drop_nulls(["ts", "amount"]).select("customer_id", "ts", "amount").sort("ts")
gdp2 = pop2.filter(pl.col("amount") > 100).rename({"amount": "big_amount"})
df = pop2.join_asof(gdp2, by="customer_id", on="ts", strategy="nearest", allow_exact_matches=False)
