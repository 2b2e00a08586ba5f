# frame: customers
# Best contact string: email, else name, else a placeholder.
import polars as pl

df = df.with_columns(
    pl.coalesce(pl.col("email"), pl.col("name"), pl.lit("<no contact>")).alias("contact")
)
