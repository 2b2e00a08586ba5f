# frame: customers
# source: https://docs.pola.rs/user-guide/expressions/strings/ (user-guide/expressions/strings.py, "extract")
# construct: select, str
# Extract the mail domain's first label with a capture group.
import polars as pl

df = df.select(
    pl.col("email").str.extract(r"@(\w+)", group_index=1),
)
