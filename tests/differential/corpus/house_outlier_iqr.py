# frame: houses
# IQR outlier flag on price, with quantiles from the frame.
import polars as pl

q1 = df["price"].quantile(0.25)
q3 = df["price"].quantile(0.75)
iqr = q3 - q1
lower, upper = q1 - 1.5 * iqr, q3 + 1.5 * iqr
df = df.with_columns(
    (~pl.col("price").is_between(lower, upper)).alias("price_outlier")
)
