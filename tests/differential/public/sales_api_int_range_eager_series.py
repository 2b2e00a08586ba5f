# frame: sales
# source: https://docs.pola.rs/api/python/stable/reference/api/polars.int_range.html + polars.int_ranges.html (eager=True, over groups)
# construct: int_range, eager, series, with_columns, int_ranges, len, over
# A row number series built eagerly, a per-store row number and each row's remaining count.
import polars as pl

idx = pl.int_range(0, df.height, eager=True).alias("row_nr")
df = df.with_columns(
    idx,
    pl.int_range(pl.len()).over("store_id").alias("nr_in_store"),
    pl.int_ranges(0, pl.len()).over("store_id").list.len().alias("store_len"),
)
