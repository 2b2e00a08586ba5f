# frame: customers
# source: github:kevinheavey/modern-polars/book/method_chaining.qmd (extract_city_name_pl)
# construct: def, with_columns, multi_col, str, list
# First word of two string columns through a helper returning one multi-column expression.
import polars as pl


def extract_first_word_pl() -> pl.Expr:
    """
    Côte d'Ivoire -> Côte for name and country
    """
    cols = ["name", "country"]
    return pl.col(cols).str.split(" ").list.get(0)


df = df.with_columns(extract_first_word_pl())
