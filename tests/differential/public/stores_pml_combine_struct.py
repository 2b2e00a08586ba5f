# frame: stores
# source: github:gizmrkv/polars-ml/src/polars_ml/pipeline/combine.py (Combine.fit / transform)
# construct: itertools, combinations, list, struct, join, lazy, collect_schema
# One struct column per pair of selected columns, named by joining the names.
import itertools

import polars as pl

columns = df.select("region", "city", "manager").collect_schema().names()
combinations = list(itertools.combinations(columns, 2))
expressions: list[pl.Expr] = []
for combination in combinations:
    name = "_".join(combination)
    expressions.append(pl.struct(combination).alias(name))
df = df.lazy().with_columns(expressions).collect()
