# frame: sensors
# source: github:PacktPublishing/Polars-Cookbook/Chapter04/ch04.ipynb (Aggregating values across multiple columns)
# construct: sum_horizontal, concat_list, list, reduce, fold, lambda
# Row-wise totals four ways: sum_horizontal, concat_list + list.sum, pl.reduce and pl.fold.
import polars as pl

cols = ["temperature", "pressure", "humidity"]
df = (
    df
    .with_columns(
        pl.sum_horizontal("temperature", "pressure", "humidity").alias("Total"),
        pl.concat_list("temperature", "pressure", "humidity").list.sum().alias("Total 2"),
        pl.reduce(
            function=lambda acc, col: acc + col,
            exprs=pl.col(cols)
        )
        .alias("Total 3"),
        pl.fold(
            acc=pl.lit(100),
            function=lambda acc, col: acc + col,
            exprs=pl.col(cols)
        )
        .alias("Total 4"),
    )
)
