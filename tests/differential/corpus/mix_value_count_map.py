# frame: houses
# Count encoding via a dict built from a group_by result (to_dicts).
import polars as pl

counts = df.group_by("condition").agg(pl.len().alias("n")).drop_nulls("condition")
count_map = {row["condition"]: row["n"] for row in counts.to_dicts()}
df = df.with_columns(
    pl.col("condition").replace_strict(count_map, default=0, return_dtype=pl.UInt32).alias("condition_count")
)
