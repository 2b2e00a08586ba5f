# frame: sales
# source: github:functime-org/functime/functime/feature_extractors.py (longest_streak_above_mean, longest_streak_below_mean)
# construct: def, group_by, agg, rle, struct, filter, fill_null
# Longest run of days above / below the store's mean units.
import polars as pl


def longest_streak_above_mean(x):
    y = (x > x.mean()).rle()
    return (
        y.filter(y.struct.field("value"))
        .struct.field("len")
        .max()
        .fill_null(0)
    )


def longest_streak_below_mean(x):
    y = (x < x.mean()).rle()
    return (
        y.filter(y.struct.field("value"))
        .struct.field("len")
        .max()
        .fill_null(0)
    )


df = df.group_by("store_id", maintain_order=True).agg(
    longest_streak_above_mean(pl.col("units")).alias("streak_above"),
    longest_streak_below_mean(pl.col("units")).alias("streak_below"),
)
