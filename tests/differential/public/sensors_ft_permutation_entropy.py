# frame: sensors
# source: github:functime-org/functime/functime/feature_extractors.py (permutation_entropy, tau == 1)
# construct: def, group_by, agg, concat_list, shift, head, list_eval, arg_sort, value_counts, entropy, math
# Permutation entropy (embedding dimension 3) of the pressure series per device.
import math
import polars as pl


def permutation_entropy(x, tau=1, n_dims=3, base=math.e):
    return (
        pl.concat_list(x, *(x.shift(-i) for i in range(1, n_dims)))
        .head(x.len() - n_dims + 1)
        .list.eval(pl.element().arg_sort())
        .value_counts()
        .struct.field("count")
        .entropy(base=base, normalize=True)
    )


df = df.group_by("device_id", maintain_order=True).agg(
    permutation_entropy(pl.col("pressure")).alias("perm_entropy")
)
