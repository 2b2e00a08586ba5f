# frame: events
# source: https://docs.pola.rs/api/python/stable/reference/api/polars.date_ranges.html (docstring example)
# construct: group_by, agg, date_ranges, explode, join
# One row per calendar day between each user's first and last day (date_ranges + explode).
import polars as pl

spans = df.group_by("user_id").agg(pl.col("day").min().alias("start"), pl.col("day").max().alias("end")).sort("user_id")
df = (
    spans.with_columns(pl.date_ranges("start", "end", "1w").alias("week_start"))
    .explode("week_start", empty_as_null=False)
    .select("user_id", "week_start")
)
