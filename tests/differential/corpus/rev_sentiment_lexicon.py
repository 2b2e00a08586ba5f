# frame: reviews
# Lexicon sentiment: count positive minus negative words (regex alternation).
import polars as pl

POSITIVE = ["great", "love", "perfect", "good", "helpful", "bien"]
NEGATIVE = ["terrible", "disappointed", "broke", "late", "small", "off"]
pos_pattern = "(?i)" + "|".join(POSITIVE)
neg_pattern = "(?i)" + "|".join(NEGATIVE)
df = df.with_columns(
    (pl.col("body").str.count_matches(pos_pattern) - pl.col("body").str.count_matches(neg_pattern)).alias("lexicon_score")
)
