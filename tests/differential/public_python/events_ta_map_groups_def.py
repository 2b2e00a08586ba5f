# frame: events
# source: github:wukan1986/polars_ta/examples/alpha101.py (df.group_by('asset').map_groups(func_ts_date))
# construct: group_by, map_groups, def, python_udf, sort
# order: any
# A Python function run on each user's sub-frame (sorted, then rolling features).
import polars as pl


def func_ts_date(df: pl.DataFrame) -> pl.DataFrame:
    df = df.sort(by=["day"])
    df = df.with_columns([
        *[pl.col("value").pct_change(i).alias(f"ROCP_{i:03d}") for i in (1, 5)],
        *[pl.col("value").rolling_mean(i).alias(f"SMA_{i:03d}") for i in (5, 20)],
    ])
    return df


df = df.select("user_id", "day", "value").group_by("user_id").map_groups(func_ts_date)
