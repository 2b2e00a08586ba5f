# frame: reviews
# source: github:kevinheavey/modern-polars/book/performance.qmd (parse_weight_pl, parse_height_pl)
# construct: def, str, extract, when_then, cast, round
# The first number of a text, converted only when the text does not end with a period.
import polars as pl


def parse_weight_pl(col: pl.Expr) -> pl.Expr:
    is_kg = col.str.ends_with(".")
    without_unit = col.str.extract(r"(\d+)").cast(pl.UInt8)
    return (
        pl.when(is_kg)
        .then(without_unit)
        .otherwise((without_unit * 0.453592).round(0).cast(pl.UInt8))
    )


def parse_height_pl(col: pl.Expr) -> pl.Expr:
    is_cm = col.str.ends_with("!")
    return (
        pl.when(is_cm)
        .then(col.str.slice(0, 3).str.len_bytes().cast(pl.UInt8, strict=False))
        .otherwise(parse_weight_pl(col))
    )


df = df.select("body", parse_weight_pl(pl.col("body")).alias("number"), parse_height_pl(pl.col("body")).alias("height"))
