# frame: events
# Tag and score lists that may be empty or null: lengths, membership, sorted unique tags,
# first and last items, sums of scores with null items, and an explode that drops empty lists.
import polars as pl

df = df.with_columns(
    pl.col("tags").list.len().alias("n_tags"),
    pl.col("tags").list.contains("vip").alias("is_vip"),
    pl.col("tags").list.sort().list.join(",").alias("tags_sorted"),
    pl.col("tags").list.first().alias("first_tag"),
    pl.col("tags").list.last().alias("last_tag"),
    pl.col("tags").list.get(1, null_on_oob=True).alias("second_tag"),
    pl.col("scores").list.sum().alias("score_sum"),
    pl.col("scores").list.mean().alias("score_mean"),
    pl.col("scores").list.drop_nulls().list.len().alias("n_scores"),
    pl.col("scores").list.max().alias("best_score"),
    pl.col("scores").list.all().alias("all_positive"),
    pl.col("tags").list.set_intersection(["promo", "sale"]).list.len().alias("n_deal_tags"),
)
tag_rows = df.select("user_id", "day", "tags").explode("tags")
df = df.with_columns(pl.lit(tag_rows.height).alias("tag_rows"))
