# frame: houses
# source: github:PacktPublishing/Polars-Cookbook/Chapter03/ch03.ipynb (Detecting and handling outliers, IQR)
# construct: quantile, expr_variables, filter, not_, when_then, median
# Replace lot sizes outside 1.5 IQR by the median.
import polars as pl

q1 = pl.col("lot_size").quantile(0.25)
q3 = pl.col("lot_size").quantile(0.75)
iqr = q3 - q1
threshold = 1.5
lower_limit = q1 - iqr * threshold
upper_limit = q3 + iqr * threshold
is_outlier_iqr = (pl.col("lot_size") < lower_limit) | (pl.col("lot_size") > upper_limit)
df = (
    df
    .with_columns(
        pl.when(is_outlier_iqr)
        .then(pl.col("lot_size").median())
        .otherwise(pl.col("lot_size"))
        .alias("lot_size")
    )
)
