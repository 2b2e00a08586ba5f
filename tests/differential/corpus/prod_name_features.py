# frame: products
# Product name parsing: adjective, kind, name length.
import polars as pl

tokens = pl.col("product_name").str.split(" ")
df = df.with_columns(
    tokens.list.first().alias("name_adjective"),
    tokens.list.slice(1).list.join(" ").alias("name_kind"),
    pl.col("product_name").str.len_chars().alias("name_len"),
)
