# frame: events
# source: https://docs.pola.rs/user-guide/expressions/structs/ (user-guide/expressions/structs.py, "series_struct_rename" + "struct-rename-check")
# construct: select, struct, rename_fields, unnest
# Rename the fields of a struct column and unnest it.
import polars as pl

df = df.select(
    pl.col("meta").struct.rename_fields(["Channel", "Rev", "Weight"]),
).unnest("meta")
