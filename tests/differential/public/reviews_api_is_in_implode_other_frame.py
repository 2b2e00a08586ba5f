# frame: reviews
# frames: products, customers
# source: https://docs.pola.rs/api/python/stable/reference/expressions/api/polars.Expr.is_in.html (is_in with implode(); Polars 2.x)
# construct: filter, is_in, implode, series, expr_implode
# Reviews of known products by active customers: membership tests against other frames.
import polars as pl

active_ids = customers.filter(pl.col("is_active"))["customer_id"]
df = df.filter(
    pl.col("product_id").is_in(products["product_id"].implode()),
    pl.col("customer_id").is_in(active_ids.implode()),
).with_columns(
    pl.col("product_id").is_in(pl.lit(products.filter(pl.col("price") > 200)["product_id"]).implode()).alias("premium")
)
