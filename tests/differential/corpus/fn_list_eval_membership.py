# frame: events
# list.eval with is_in, then list.any / list.all; list.agg for one value per list.
import polars as pl

watched = ["promo", "mobile"]
df = df.with_columns(
    pl.col("tags").list.eval(pl.element().is_in(watched)).list.any().alias("has_watched_tag"),
    pl.col("tags").list.eval(pl.element().is_in(watched)).list.all().alias("only_watched_tags"),
    pl.col("scores").list.agg(pl.element().drop_nulls().max()).alias("best_score"),
    pl.col("scores").list.eval(pl.element().is_null()).list.sum().alias("null_scores"),
)
