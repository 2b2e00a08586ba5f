# frame: houses
# Standardising every numeric column by looping over get_columns(), and stacking the cheapest
# and the dearest houses with vstack.
import polars as pl
import polars.selectors as cs

for s in df.select(cs.numeric()).get_columns():
    df = df.with_columns(((pl.col(s.name) - s.mean()) / s.std()).alias(f"{s.name}_z"))
cheap = df.sort("price").head(5)
dear = df.sort("price", descending=True).head(5)
df = cheap.vstack(dear).extend(cheap.head(1))
