# frame: sensors
# source: github:functime-org/functime/functime/feature_extractors.py (binned_entropy)
# construct: def, group_by, agg, floordiv, drop_nulls, value_counts, struct, entropy
# Entropy of a 10-bin histogram of the pressure per device.
import polars as pl


def binned_entropy(x, bin_count=10):
    return (
        (x - x.min())
        .floordiv(pl.lit(1e-12) + (x.max() - x.min()) / pl.lit(bin_count))
        .drop_nulls()
        .value_counts()
        .struct.field("count")
        .entropy()
    )


df = df.group_by("device_id", maintain_order=True).agg(
    binned_entropy(pl.col("pressure"), bin_count=10).alias("binned_entropy")
)
