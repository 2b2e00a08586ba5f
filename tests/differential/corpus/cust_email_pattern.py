# frame: customers
# Regex features on the email address.
import polars as pl

df = df.with_columns(
    pl.col("email").str.extract(r"\.(\d+)@", 1).cast(pl.Int64).alias("email_number"),
    pl.col("email").str.contains(r"^[a-z]+\.\d+@").alias("email_standard"),
    pl.col("email").str.count_matches(r"[aeiou]").alias("email_vowels"),
)
