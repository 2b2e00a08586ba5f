# frame: sensors
# source: github:wukan1986/polars_ta/polars_ta/ta/momentum.py (RSV, WILLR) + wq/time_series.py (ts_max, ts_min)
# construct: def, rolling, when_then, over
# Stochastic %K-like and Williams %R-like ratios of the pressure within a 5-reading window.
import polars as pl
from polars import Expr, when


def MAX(x: Expr, d: int = 30) -> Expr:
    return x.rolling_max(d, min_samples=1)


def MIN(x: Expr, d: int = 30) -> Expr:
    return x.rolling_min(d, min_samples=1)


def RSV(high: Expr, low: Expr, close: Expr, timeperiod: int = 5) -> Expr:
    a = MAX(high, timeperiod)
    b = MIN(low, timeperiod)
    return when(a != b).then((close - b) / (a - b)).otherwise(0)


def WILLR(high: Expr, low: Expr, close: Expr, timeperiod: int = 14) -> Expr:
    a = MAX(high, timeperiod)
    b = MIN(low, timeperiod)
    return when(a != b).then((a - close) / (a - b)).otherwise(0)


P = pl.col("pressure")
df = df.with_columns(
    RSV(P, P, P, 5).over("device_id").alias("RSV_5"),
    WILLR(P, P, P, 5).over("device_id").alias("WILLR_5"),
)
