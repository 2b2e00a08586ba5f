# frame: reviews
# Build a quality score incrementally with +=.
import polars as pl

score = pl.lit(0)
score += pl.col("verified").fill_null(False).cast(pl.Int32) * 2
score += (pl.col("helpful_votes") > 3).cast(pl.Int32)
score += (pl.col("body").str.len_chars() > 40).fill_null(False).cast(pl.Int32)
df = df.with_columns(score.alias("quality_score"))
