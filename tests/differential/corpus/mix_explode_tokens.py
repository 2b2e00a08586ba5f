# frame: reviews
# Token-level table: explode the title words and count per review.
import polars as pl

df = (
    df.select("review_id", pl.col("title").str.to_lowercase().str.split(" ").alias("token"))
    .explode("token")
    .filter(pl.col("token").is_not_null() & (pl.col("token") != ""))
    .with_columns(pl.len().over("token").alias("token_freq"))
)
