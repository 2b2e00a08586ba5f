# frame: transactions
# source: https://docs.pola.rs/user-guide/expressions/aggregation/ (user-guide/expressions/aggregation.py, "conditional")
# construct: lazy, group_by, agg, sort, limit
# Per category, how many transactions came through web and through the app; top 5 by app.
import polars as pl

q = (
    df.lazy()
    .group_by("category")
    .agg(
        (pl.col("channel") == "web").sum().alias("web"),
        (pl.col("channel") == "app").sum().alias("app"),
    )
    .sort("app", descending=True)
    .limit(5)
)
df = q.collect()
