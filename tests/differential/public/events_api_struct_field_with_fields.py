# frame: events
# source: https://docs.pola.rs/api/python/stable/reference/expressions/struct.html (struct.field with several names, struct.with_fields, struct.unnest)
# construct: select, struct, with_fields, field, multiple_fields, unnest
# Update and add struct fields with struct.with_fields and read several fields at once.
import polars as pl

df = df.select(
    "event_id",
    pl.col("meta").struct.with_fields(
        pl.field("weight") * 100,
        pl.field("source").str.to_uppercase().alias("source_upper"),
    ),
).with_columns(
    pl.col("meta").struct.field("weight", "source_upper"),
).unnest("meta", separator=".")
