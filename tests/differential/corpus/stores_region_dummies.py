# frame: stores
# Dummies for region with the selector form.
import polars as pl
import polars.selectors as cs

df = df.to_dummies(cs.by_name("region"))
