# The 10-feature pipeline: one Python Polars text, run by fekernel (`%%fe apply tx`) and by
# Python Polars in-process, and the idiomatic pandas equivalent of the same features.

from __future__ import annotations

import numpy as np
import pandas as pd
import polars as pl

# `df` is the transactions frame, `customers` the table to join. Ten features: arithmetic (2),
# windows `over` (2), a rolling mean, dt parts (2), when/then (2), and a join feeding the tenth.
FEATURES = '''\
df = df.with_columns(
    amount_per_item=pl.col("amount") / pl.col("qty"),
    log_amount=(pl.col("amount") + 1).log(),
    amount_vs_customer=pl.col("amount") / pl.col("amount").mean().over("customer_id"),
    amount_rank_in_customer=pl.col("amount").rank().over("customer_id"),
    amount_roll5=pl.col("amount").rolling_mean(5).over("customer_id"),
    hour=pl.col("ts").dt.hour(),
    weekday=pl.col("ts").dt.weekday(),
    is_weekend=pl.when(pl.col("ts").dt.weekday() >= 6).then(1).otherwise(0),
    size_band=pl.when(pl.col("amount") < 20).then(pl.lit("small"))
    .when(pl.col("amount") < 100).then(pl.lit("medium"))
    .otherwise(pl.lit("large")),
)
df = df.join(customers, on="customer_id", how="left")
df = df.with_columns(over_limit=(pl.col("amount") > pl.col("credit_limit")).cast(pl.Int8))
'''

NEW_COLUMNS = 12  # ten features plus the two joined columns (segment, credit_limit)


def run_polars(tx, customers, lazy: bool, engine: str = "auto") -> pl.DataFrame:
    """FEATURES in Python Polars: eagerly on DataFrames, or on LazyFrames collected once (with
    `engine`; Python Polars 2.1's "auto" picks its streaming engine)."""
    scope = {"pl": pl, "df": tx.lazy() if lazy else tx, "customers": customers.lazy() if lazy else customers}
    exec(compile(FEATURES, "<features>", "exec"), scope)
    out = scope["df"]
    return out.collect(engine=engine) if lazy else out


def run_pandas(df: pd.DataFrame, customers: pd.DataFrame) -> pd.DataFrame:
    """The same ten features, written as a pandas user would (vectorised, no apply)."""
    by_customer = df.groupby("customer_id", sort=False)["amount"]
    weekday = df["ts"].dt.weekday + 1  # Polars counts Monday = 1 … Sunday = 7
    df = df.assign(
        amount_per_item=df["amount"] / df["qty"],
        log_amount=np.log(df["amount"] + 1),
        amount_vs_customer=df["amount"] / by_customer.transform("mean"),
        amount_rank_in_customer=by_customer.rank(method="average"),
        amount_roll5=by_customer.rolling(5).mean().reset_index(level=0, drop=True),
        hour=df["ts"].dt.hour.astype("int8"),
        weekday=weekday.astype("int8"),
        is_weekend=np.where(weekday >= 6, 1, 0).astype("int32"),
        size_band=np.select([df["amount"] < 20, df["amount"] < 100], ["small", "medium"], "large"),
    )
    df = df.merge(customers, on="customer_id", how="left")
    df["over_limit"] = (df["amount"] > df["credit_limit"]).astype("int8")
    return df
