# frame: transactions
# source: https://docs.pola.rs/api/python/stable/reference/expressions/api/polars.Expr.pipe.html (docstring example)
# construct: def, expr_pipe, args, kwargs
# Expression-level pipe with positional and keyword arguments.
import polars as pl


def extract_number(expr: pl.Expr) -> pl.Expr:
    """Extract the digits from a string."""
    return expr.str.extract(r"\d+", 0).cast(pl.Int64)


def scale_negative_even(expr: pl.Expr, *, n: int = 1) -> pl.Expr:
    """Set even numbers negative, and scale by a user-supplied value."""
    expr = pl.when(expr % 2 == 0).then(-expr).otherwise(expr)
    return expr * n


df = df.select("merchant").with_columns(
    udfs=(
        pl.col("merchant").pipe(extract_number).pipe(scale_negative_even, n=5)
    ),
)
