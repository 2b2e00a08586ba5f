# frame: customers
# source: https://docs.pola.rs/user-guide/expressions/aggregation/ (user-guide/expressions/aggregation.py, "filter")
# construct: def, lazy, group_by, agg, filter, sort
# Mean age of active and inactive customers per country via helper functions returning expressions.
import polars as pl


def compute_age():
    return 2024 - pl.col("birth_year")


def avg_age(active: bool) -> pl.Expr:
    return (
        compute_age()
        .filter(pl.col("is_active") == active)
        .mean()
        .alias(f"avg {active} age")
    )


q = (
    df.lazy()
    .group_by("country")
    .agg(
        avg_age(True),
        avg_age(False),
        (pl.col("is_active") == True).sum().alias("# active"),  # noqa: E712
        (pl.col("is_active") == False).sum().alias("# inactive"),  # noqa: E712
    )
    .sort("country")
)
df = q.collect()
