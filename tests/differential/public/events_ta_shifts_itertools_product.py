# frame: events
# source: github:wukan1986/polars_ta/polars_ta/wq/time_series.py (ts_shifts_v1, ts_shifts_v2, ts_shifts_v3); adapted: more_itertools.chunked replaced by a two-line local chunked() (more_itertools is not installed)
# construct: def, args, all_horizontal, any_horizontal, enumerate, generator, itertools, chain, product, zip, starred_call
# "Condition A held n days ago after B held on the days before" flags built with itertools.
import itertools

import polars as pl
from polars import Expr, all_horizontal, any_horizontal


def chunked(args, n):
    return [args[i:i + n] for i in range(0, len(args), n)]


def ts_shifts_v1(*args) -> Expr:
    return all_horizontal(arg.shift(i) for i, arg in enumerate(args))


def ts_shifts_v2(*args) -> Expr:
    return ts_shifts_v1(*itertools.chain.from_iterable([item] * count for item, count in chunked(args, 2)))


def ts_shifts_v3(*args) -> Expr:
    exprs = [a for a, b, c in chunked(args, 3)]
    ranges = [range(b, c + 1) for a, b, c in chunked(args, 3)]
    outputs = [itertools.chain.from_iterable(zip(exprs, d)) for d in itertools.product(*ranges)]
    return any_horizontal(ts_shifts_v2(*_) for _ in outputs)


up = pl.col("value").diff() > 0
busy = pl.col("clicks") >= 3
df = df.select("user_id", "day", "value", "clicks").with_columns(
    out0=ts_shifts_v3(up, 1, 3, busy, 2, 2).over("user_id"),
    out1=ts_shifts_v2(up, 1, busy, 2).over("user_id"),
    out2=(up.shift(0) & busy.shift(1) & busy.shift(2)).over("user_id"),
)
