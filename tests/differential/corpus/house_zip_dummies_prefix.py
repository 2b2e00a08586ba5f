# frame: houses
# Dummies of zipcode and condition with a custom separator, dropping the first level.
import polars as pl

df = df.to_dummies(columns=["zipcode", "condition"], separator="=", drop_first=True)
