# frame: customers
# source: https://docs.pola.rs/user-guide/expressions/aggregation/ (user-guide/expressions/aggregation.py, "sort3")
# construct: def, lazy, sort, group_by, agg, first, last, sort_by, limit
# Youngest, oldest and alphabetically first customer per country (sorted frame, then group_by).
import polars as pl


def get_name() -> pl.Expr:
    return pl.col("name") + pl.lit(" <") + pl.col("email") + pl.lit(">")


q = (
    df.lazy()
    .sort("birth_year", descending=True, maintain_order=True)
    .group_by("country")
    .agg(
        get_name().first().alias("youngest"),
        get_name().last().alias("oldest"),
        get_name().sort().first().alias("alphabetical_first"),
        pl.col("segment").sort_by(get_name()).first(),
    )
    .sort("country")
    .limit(5)
)
df = q.collect()
