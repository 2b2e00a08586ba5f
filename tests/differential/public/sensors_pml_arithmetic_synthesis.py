# frame: sensors
# source: github:gizmrkv/polars-ml/src/polars_ml/feature_engineering/arithmetic_synthesis.py (ArithmeticSynthesis.fit)
# construct: itertools, combinations, nested_loops, starred_unpacking, dict, fstring, join
# Additive combinations of 3 readings: every split into added and subtracted columns.
import itertools

import polars as pl

order, method = 2, "additive"
exprs: dict[str, pl.Expr] = {}
columns = ["temperature", "humidity", "pressure"]
for comb in itertools.combinations(columns, order + 1):
    n = len(comb)
    anchor, *comb = comb
    for r in range(0, n // 2 + 1):
        for denos in itertools.combinations(comb, r):
            numes = [anchor] + [c for c in comb if c not in denos]
            nume, *more_numes = numes
            expr = pl.col(nume)
            if method == "additive":
                for c in more_numes:
                    expr = expr + pl.col(c)
                for d in denos:
                    expr = expr - pl.col(d)
                name = "+".join(numes)
                if len(denos) > 0:
                    name += "-" + "-".join(denos)
            exprs[name] = expr.alias(name)
df = df.select("device_id", *exprs.values())
