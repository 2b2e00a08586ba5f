# frame: sales
# source: https://docs.pola.rs/user-guide/transformations/unpivot/ (user-guide/transformations/unpivot.py, "unpivot")
# construct: unpivot
# Units and returns stacked into (variable, value) rows.
import polars as pl

df = df.unpivot(["units", "returns"], index=["store_id", "date"])
