# frame: events
# source: github:kevinheavey/modern-polars/book/tidy.qmd (rest_pl + pivot)
# construct: group_by, maintain_order, agg, pivot, rename
# Mean value per (month, kind), then one column per kind.
import polars as pl

rest_pl = (
    df.with_columns(pl.col("day").dt.truncate("1mo").alias("month"))
    .group_by(["month", "kind"], maintain_order=True)
    .agg(pl.col("value").mean())
)
df = rest_pl.pivot(index="month", on="kind", values="value").rename({"view": "view_mean", "click": "click_mean"})
