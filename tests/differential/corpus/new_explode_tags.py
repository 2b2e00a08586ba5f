# frame: reviews
# Explode title words to count, per review, how many words are frequent across all titles.
import polars as pl

words = (
    df.select("review_id", pl.col("title").str.to_lowercase().str.split(" ").alias("word"))
    .explode("word")
    .filter(pl.col("word").str.len_chars() > 2)
)
common = words.group_by("word").agg(pl.len().alias("n")).filter(pl.col("n") >= 5).select("word")
per_review = words.join(common, on="word", how="semi").group_by("review_id").agg(pl.len().alias("n_common_words"))
df = df.join(per_review, on="review_id", how="left").with_columns(pl.col("n_common_words").fill_null(0))
