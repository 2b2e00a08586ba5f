# frame: customers
# source: github:PacktPublishing/Polars-Cookbook/Chapter03/ch03.ipynb (Masking sensitive data)
# construct: select, str_literal_plus_expr, str, hash
# Mask an e-mail address down to its last characters, and hash it.
import polars as pl

df = df.select(
    ("XXX-XX-XX" + pl.col("email").str.slice(-6, 2)).alias("Email Masked"),
    pl.col("email").hash().alias("email_hash"),
)
