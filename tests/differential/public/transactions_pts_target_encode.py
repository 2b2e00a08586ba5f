# frame: transactions
# source: github:drumtorben/polars-ts/polars_ts/features/advanced.py (target_encode)
# construct: def, frame_value, float, group_by, agg, len, join
# Smoothed target encoding of the category by the fraud rate.
import polars as pl


def target_encode(df, cat_col, target_col="y", smoothing=10.0):
    global_mean = float(df[target_col].mean())
    cat_stats = df.group_by(cat_col).agg(
        pl.col(target_col).mean().alias("__cat_mean"),
        pl.col(target_col).len().alias("__cat_n"),
    )
    cat_stats = cat_stats.with_columns(
        ((pl.col("__cat_n") * pl.col("__cat_mean") + smoothing * global_mean) / (pl.col("__cat_n") + smoothing)).alias(
            f"{cat_col}_encoded"
        )
    ).select(cat_col, f"{cat_col}_encoded")
    return df.join(cat_stats, on=cat_col, how="left")


df = target_encode(df.with_columns(pl.col("is_fraud").cast(pl.Float64)), "category", target_col="is_fraud")
