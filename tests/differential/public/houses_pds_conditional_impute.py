# frame: houses
# source: github:abstractqqq/polars_ds_extension/python/polars_ds/pipeline/transforms.py (conditional_impute)
# construct: dict_comprehension, isinstance, sql_expr, lazy, generator, row, when_then
# Replace values matching a rule (an expression or SQL text) by the mean of the other values.
import polars as pl

rules_dict = {"lot_size": pl.col("lot_size") <= 0, "price": "price < 50000"}
rules_dict = {
    c: (r if isinstance(r, pl.Expr) else pl.sql_expr(r)) for c, r in rules_dict.items()
}
cols = list(rules_dict.keys())
temp = (
    df.lazy()
    .select(*(pl.col(c).filter(rules_dict[c].not_()).mean() for c in rules_dict.keys()))
    .collect()
    .row(0)
)
df = df.with_columns(
    [pl.when(rules_dict[c]).then(m).otherwise(pl.col(c)).alias(c) for c, m in zip(cols, temp)]
)
