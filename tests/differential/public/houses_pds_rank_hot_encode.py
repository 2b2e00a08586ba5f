# frame: houses
# source: github:abstractqqq/polars_ds_extension/python/polars_ds/pipeline/transforms.py (rank_hot_encode)
# construct: raise, int_range, eager, replace_strict, default_none, zip, range, comprehension, cast
# "At least this good" indicator columns from an ordered list of condition levels.
import polars as pl

col = "condition"
ranking = ["poor", "fair", "good", "very good", "excellent"]
default_rank = None
n_ranks = len(ranking)
if n_ranks <= 1:
    raise ValueError("Rank hot encoding does not work with single value ranking.")
number_rank = pl.int_range(0, n_ranks, eager=True, dtype=pl.Int32)
ranked_expr = pl.col(col).replace_strict(
    old=ranking, new=number_rank, default=default_rank, return_dtype=pl.Int32
)
df = df.with_columns(
    [
        (ranked_expr >= i).cast(pl.Int8).alias(f"{col}>={c}")
        for i, c in zip(range(1, n_ranks), ranking[1:])
    ]
)
