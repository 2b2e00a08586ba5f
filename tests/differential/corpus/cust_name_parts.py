# frame: customers
# First and last name from the full name.
import polars as pl

parts = pl.col("name").str.split(" ")
df = df.with_columns(
    parts.list.first().alias("first_name"),
    parts.list.last().alias("last_name"),
    parts.list.len().alias("name_tokens"),
)
