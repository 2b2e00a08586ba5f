# frame: customers
# frames: products
# source: https://docs.pola.rs/user-guide/transformations/joins/ (user-guide/transformations/joins.py, "non-equi")
# construct: join_where, non_equi_join
# Every (customer, product) pair the customer's credit limit can pay for.
import polars as pl

players = df.filter(pl.col("loyalty_points") > 150).select("customer_id", "credit_limit")
df = players.join_where(products, pl.col("credit_limit") < pl.col("price") * 10).sort("customer_id", "product_id")
