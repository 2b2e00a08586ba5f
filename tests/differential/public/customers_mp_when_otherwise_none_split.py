# frame: customers
# source: github:kevinheavey/modern-polars/book/performance.qmd (parse_contract_pl)
# construct: def, when_then, otherwise_none, str, split_exact, struct, expr_list
# Split "first last" names only where there is a space; return several named expressions.
import polars as pl


def parse_name_pl(col: pl.Expr) -> list[pl.Expr]:
    contains_space = col.str.contains(" ", literal=True)
    split = (
        pl.when(contains_space)
        .then(col)
        .otherwise(None)
        .str.split_exact(" ", 1)
    )
    first = split.struct.field("field_0").alias("first_name")
    last = split.struct.field("field_1").alias("last_name")
    unknown = (col == "Unknown").alias("unknown").fill_null(False)
    return [first, last, unknown]


df = df.with_columns(parse_name_pl(pl.col("name")))
