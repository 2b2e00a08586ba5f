# frame: houses
# A horizontal weighted sum: the weights multiply the columns before the fold, and a helper's
# local weight is seen by the lambda inside it.
import polars as pl

weights = {"price": 0.5, "lot_size": 0.3, "bathrooms": 0.2}


def weighted(columns, scale):
    return pl.fold(
        acc=pl.lit(0.0),
        function=lambda acc, x: acc + x * scale,
        exprs=[pl.col(c) * w for c, w in columns.items()],
    )


df = df.with_columns(
    weighted(weights, 1.0).alias("score"),
    weighted(weights, 0.001).alias("score_k"),
)
