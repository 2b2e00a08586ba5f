# frame: products
# source: github:kevinheavey/modern-polars/book/performance.qmd (feet_to_cm_pl)
# construct: def, str, split_exact, struct, cast, strict
# Turn a two-part code into one number with split_exact and the struct fields it makes.
import polars as pl


def sku_to_number_pl(col: pl.Expr) -> pl.Expr:
    prefix_number_split = col.str.split_exact("-", 1)
    total = (
        (prefix_number_split.struct.field("field_0").str.len_chars().cast(pl.UInt32, strict=False) * 12)
        + prefix_number_split.struct.field("field_1").str.strip_chars_end('"').cast(pl.UInt32, strict=False)
    )
    return (total * 2.54).round(0).cast(pl.UInt32)


df = df.with_columns(sku_to_number_pl(pl.col("sku")).alias("sku_number"))
