# frame: sales
# source: github:PacktPublishing/Polars-Cookbook/Chapter08/ch08.ipynb (Turning columns into rows)
# construct: unpivot, variable_name, value_name, selectors, lazy
# Stack the measure columns into (measure, value) rows, eagerly and lazily with a selector.
import polars as pl
from polars import selectors as cs

long_df = df.select("store_id", "date", pl.col("units", "returns").cast(pl.Int64)).unpivot(
    index=["store_id", "date"],
    on=[
        "units",
        "returns",
    ],
    variable_name="measure",
    value_name="count",
)
lazy_long = (
    df.select("date", "units", "returns")
    .lazy()
    .unpivot(
        index="date",
        on=cs.numeric(),
        variable_name="measure",
        value_name="count",
    )
    .collect()
)
df = pl.concat([long_df.drop("store_id"), lazy_long.with_columns(pl.col("count").cast(pl.Int64))])
