# frame: houses
# source: https://docs.pola.rs/api/python/stable/reference/dataframe/api/polars.DataFrame.sample.html + DataFrame.gather_every.html + Expr.gather_every.html
# construct: sample, seed, gather_every, with_row_index, head, tail, concat
# A seeded random sample, every 50th house, and the first/last rows, stacked.
import polars as pl

sampled = df.sample(n=5, seed=0).select("house_id", "price")
every = df.with_row_index("i").gather_every(50).select("house_id", "price")
ends = pl.concat([df.head(2), df.tail(2)]).select("house_id", "price")
df = pl.concat([sampled, every, ends])
