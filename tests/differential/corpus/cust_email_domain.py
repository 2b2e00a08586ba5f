# frame: customers
# Email domain (lower-cased) and a free-mail flag.
import polars as pl

domain = pl.col("email").str.split("@").list.get(1).str.to_lowercase()
df = df.with_columns(
    domain.alias("email_domain"),
    domain.str.ends_with(".com").alias("email_is_com"),
)
