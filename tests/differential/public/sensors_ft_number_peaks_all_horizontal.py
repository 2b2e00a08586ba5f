# frame: sensors
# source: github:functime-org/functime/functime/feature_extractors.py (number_peaks)
# construct: def, group_by, agg, all_horizontal, generator, shift, fill_null
# Number of readings larger than their 2 neighbours on each side, per device.
import polars as pl


def number_peaks(x, support):
    return pl.all_horizontal(
        ((x > x.shift(-i)) & (x > x.shift(i))).fill_null(False)
        for i in range(1, support + 1)
    ).sum()


df = df.group_by("device_id", maintain_order=True).agg(
    number_peaks(pl.col("pressure"), 2).alias("n_peaks")
)
