# frame: transactions
# source: github:kevinheavey/modern-polars/book/method_chaining.qmd ("filter for the busiest airlines" chain); adapted: Polars 2.1 deprecates is_in(expr) of the same dtype: .implode() added as it asks
# construct: value_counts, struct, is_in, drop_nulls, group_by_dynamic, pivot, upsample, fill_null, rolling, col_dtype
# Daily transaction counts of the five busiest merchants, pivoted wide, gaps filled, 7-day sums.
import polars as pl

filter_expr = pl.col("merchant").is_in(
    pl.col("merchant")
    .value_counts(sort=True)
    .struct.field("merchant")
    .head(5)
    .implode()  # Polars 2.1 deprecates is_in(expr) with the same dtype: implode as it asks
)
df = (
    df.drop_nulls(subset=["ts", "merchant"])
    .filter(filter_expr)
    .sort("ts")
    .group_by_dynamic("ts", every="1d", group_by="merchant")
    .agg(pl.col("tx_id").count())
    .pivot(index="ts", on="merchant", values="tx_id")
    .sort("ts")
    .upsample(time_column="ts", every="1d")
    .fill_null(0)
    .select([pl.col("ts"), pl.col(pl.UInt32).rolling_sum(7)])
)
