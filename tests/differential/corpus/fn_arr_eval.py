# frame: events
# arr.eval / arr.agg on fixed-width Array columns (made with list.to_array and a cast to pl.Array).
import polars as pl

triple = pl.concat_list(pl.col("clicks"), pl.col("clicks") * 2, pl.col("clicks") - 3)
df = df.select(
    "event_id",
    triple.list.to_array(3).alias("arr"),
    triple.cast(pl.Array(pl.Int64, 3)).alias("arr_cast"),
).with_columns(
    pl.col("arr").arr.eval(pl.element() * 10).alias("arr_x10"),
    pl.col("arr").arr.eval(pl.element().rank(), as_list=True).alias("arr_ranks"),
    pl.col("arr_cast").arr.agg(pl.element().max() - pl.element().min()).alias("arr_range"),
    pl.col("arr").arr.sum().alias("arr_sum"),
    pl.col("arr").arr.len().alias("arr_len"),
)
