# frame: houses
# source: github:ashwin153/autofeat/autofeat/transform/combine.py (Combine.apply)
# construct: itertools, combinations, loop, list_append, fstring, select, dtype_is_numeric
# Sums, differences, products and ratios of every pair of numeric columns.
import itertools

import polars as pl

numeric = [name for name, dtype in df.select("price", "sqft", "bathrooms", "lot_size").schema.items() if dtype.is_numeric()]
columns = []
for x, y in itertools.combinations(numeric, 2):
    x_expr = pl.col(x)
    y_expr = pl.col(y)
    columns.append((x_expr + y_expr).alias(f"{x} + {y}"))
    columns.append((x_expr - y_expr).alias(f"{x} - {y}"))
    columns.append((y_expr - x_expr).alias(f"{y} - {x}"))
    columns.append((x_expr * y_expr).alias(f"{x} * {y}"))
    columns.append((x_expr / y_expr).alias(f"{x} / {y}"))
    columns.append((y_expr / x_expr).alias(f"{y} / {x}"))
df = df.select(columns)
