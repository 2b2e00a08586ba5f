# frame: events
# source: github:wukan1986/polars_ta/polars_ta/ta/momentum.py (MACD, PPO) + overlap.py (EMA)
# construct: def, ewm, struct_kwargs, over, unnest
# MACD line, signal and histogram per user as a struct, then unnested.
import polars as pl
from polars import Expr, struct


def EMA(close: Expr, timeperiod: int = 30) -> Expr:
    return close.ewm_mean(span=timeperiod, adjust=False, min_samples=timeperiod)


def MACD(close: Expr, fastperiod: int = 12, slowperiod: int = 26, signalperiod: int = 9) -> Expr:
    macd = EMA(close, fastperiod) - EMA(close, slowperiod)
    macdsignal = EMA(macd, signalperiod)
    macdhist = (macd - macdsignal)
    return struct(macd=macd, macdsignal=macdsignal, macdhist=macdhist)


df = df.select("user_id", "day", MACD(pl.col("value").fill_null(strategy="forward")).over("user_id").alias("MACD")).unnest("MACD")
