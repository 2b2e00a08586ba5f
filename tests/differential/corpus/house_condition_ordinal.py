# frame: houses
# Ordinal condition score.
import polars as pl

CONDITION_SCORE = {"poor": 1, "fair": 2, "good": 3, "very good": 4, "excellent": 5}
df = df.with_columns(
    pl.col("condition").replace_strict(CONDITION_SCORE, default=None).alias("condition_score")
)
