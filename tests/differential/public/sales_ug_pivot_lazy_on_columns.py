# frame: sales
# source: https://docs.pola.rs/user-guide/transformations/pivot/ (user-guide/transformations/pivot.py, "lazy-on-columns")
# construct: lazy, pivot, on_columns
# Lazy pivot with the output columns named up front.
import polars as pl

q = df.lazy().with_columns(pl.col("store_id").cast(pl.String)).pivot(
    index="date",
    on="store_id",
    on_columns=["1", "2", "3", "4"],
    values="units",
    aggregate_function="first",
).sort("date")
df = q.collect()
