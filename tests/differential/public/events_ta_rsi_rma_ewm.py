# frame: events
# source: github:wukan1986/polars_ta/polars_ta/ta/momentum.py (RSI) + polars_ta/ta/overlap.py (RMA, EMA)
# construct: def, ewm, adjust, min_samples, diff, fill_null, max_horizontal, over
# Relative strength index per user from Wilder moving averages (ewm_mean with alpha=1/n).
import polars as pl
from polars import Expr

TA_EPSILON = 1e-8


def RMA(close: Expr, timeperiod: int = 30) -> Expr:
    return close.ewm_mean(alpha=1 / timeperiod, adjust=False, min_samples=timeperiod)


def EMA(close: Expr, timeperiod: int = 30) -> Expr:
    return close.ewm_mean(span=timeperiod, adjust=False, min_samples=timeperiod)


def max_(a, b):
    return pl.max_horizontal(a, b)


def RSI(close: Expr, timeperiod: int = 14) -> Expr:
    dif = close.diff().fill_null(0)
    return RMA(max_(dif, 0), timeperiod) / (RMA(dif.abs(), timeperiod) + TA_EPSILON)


CLOSE = pl.col("value")
df = df.with_columns(
    RSI(CLOSE, 14).over("user_id").alias("RSI_014"),
    EMA(CLOSE, 10).over("user_id").alias("EMA_010"),
)
