# frame: sales
# order: any
# LazyFrame.pipe, a def that aggregates, and collect at the end.
import polars as pl


def per_store(frame, value):
    return frame.group_by("store_id").agg(
        pl.col(value).sum().alias(f"{value}_sum"),
        pl.col(value).mean().alias(f"{value}_mean"),
    )


df = df.lazy().pipe(per_store, "units").pipe(lambda f: f.sort("store_id")).collect()
