# frame: events
# list.eval on numbers: ranks, scaled values, running sums and a filter inside each list.
import polars as pl

df = df.with_columns(
    pl.col("scores").list.eval(pl.element().rank()).alias("score_ranks"),
    pl.col("scores").list.eval(pl.element() * 2 + 1).alias("scores_scaled"),
    pl.col("scores").list.eval(pl.element().cum_sum()).alias("scores_running"),
    pl.col("scores").list.eval(pl.element().filter(pl.element() > 50)).alias("high_scores"),
    pl.col("scores").list.eval(pl.element() - pl.element().mean()).alias("scores_centered"),
)
