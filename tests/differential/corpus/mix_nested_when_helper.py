# frame: sales
# Helper building a nested when chain from a list of thresholds.
import polars as pl


def tiered(col, thresholds, labels):
    """Label values by the first threshold they are below; the last label otherwise."""
    expr = pl.when(pl.col(col) < thresholds[0]).then(pl.lit(labels[0]))
    for t, lab in zip(thresholds[1:], labels[1:]):
        expr = expr.when(pl.col(col) < t).then(pl.lit(lab))
    return expr.otherwise(pl.lit(labels[-1]))


df = df.with_columns(tiered("units", [30, 40, 50], ["low", "normal", "busy", "peak"]).alias("traffic"))
