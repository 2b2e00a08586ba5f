# frame: customers
# source: https://docs.pola.rs/api/python/stable/reference/expressions/api/polars.Expr.hash.html + Expr.reinterpret.html (docstring examples)
# construct: with_columns, hash, seed, reinterpret, modulo, cast
# Hash-bucket customers (seeded hash modulo 10) and reinterpret a hash as a signed integer.
import polars as pl

df = df.select("customer_id", "email").with_columns(
    pl.col("email").hash(seed=42).alias("h"),
    (pl.col("customer_id").hash(seed=0) % 10).alias("bucket"),
    pl.col("email").hash(seed=1).reinterpret(signed=True).alias("h_signed"),
    pl.col("customer_id").cast(pl.UInt64).reinterpret(signed=True).alias("id_signed"),
)
