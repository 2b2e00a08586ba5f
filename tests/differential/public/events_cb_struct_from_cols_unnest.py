# frame: events
# source: github:PacktPublishing/Polars-Cookbook/Chapter07/ch07.ipynb (Working with structs and JSON data)
# construct: struct, with_columns, select, unnest, rename_fields, struct_field
# Build a struct from columns, unnest a copy, rename its fields, take a field.
import polars as pl

df = df.with_columns(
    pl.struct("event_id", "day", "kind").alias("structFromCols")
)
df = (
    df
    .select(
        "structFromCols",
        pl.col("structFromCols").alias("structFromColsToBeUnpacked"),
        pl.col("structFromCols").struct.rename_fields(["a", "b", "c"]).alias("renamedStruct"),
        pl.col("structFromCols").struct.field("kind").alias("kind_field"),
    )
    .unnest("structFromColsToBeUnpacked")
    .unnest("renamedStruct")
)
