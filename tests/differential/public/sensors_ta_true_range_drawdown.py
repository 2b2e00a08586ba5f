# frame: sensors
# source: github:wukan1986/polars_ta/polars_ta/ta/volatility.py (TRANGE) + polars_ta/performance/drawdown.py + performance/returns.py
# construct: def, shift, max_horizontal, cum_max, drop_nulls, first, over
# True range from high/low/close-like columns, drawdown from the running max, cumulative return.
import polars as pl
from polars import Expr, max_horizontal


def TRANGE(high: Expr, low: Expr, close: Expr) -> Expr:
    prev_close = close.shift(1)
    tr1 = high - low
    tr2 = (high - prev_close).abs()
    tr3 = (low - prev_close).abs()
    return max_horizontal(tr1, tr2, tr3)


def ts_max_drawdown(close: Expr) -> Expr:
    return close / close.cum_max() - 1


def ts_cum_return(close: Expr) -> Expr:
    return close / close.drop_nulls().first()


HIGH, LOW, CLOSE = pl.col("pressure") + 2, pl.col("pressure") - 2, pl.col("pressure")
df = df.with_columns(
    TRANGE(HIGH, LOW, CLOSE).over("device_id").alias("TRANGE"),
    ts_max_drawdown(CLOSE).over("device_id").alias("drawdown"),
    ts_cum_return(CLOSE).over("device_id").alias("cum_return"),
)
