# frame: sales
# source: github:functime-org/functime/functime/feature_extractors.py (change_quantiles)
# construct: def, group_by, agg, is_between, quantile, all_horizontal, shift, filter, implode
# Per store, the list of absolute day-to-day changes whose both ends lie in the 10-90% band.
import polars as pl


def change_quantiles(x, q_low, q_high, is_abs):
    if q_high <= q_low:
        return None
    y = x.is_between(
        x.quantile(q_low, "linear"),
        x.quantile(q_high, "linear"),
    )
    expr = x.diff().filter(pl.all_horizontal(y, y.shift(1, fill_value=False)))
    if is_abs:
        expr = expr.abs()
    return expr.implode()


df = df.group_by("store_id", maintain_order=True).agg(
    change_quantiles(pl.col("units"), 0.1, 0.9, True).alias("changes")
)
