# frame: customers
# Rename for the model schema and drop personal data.
import polars as pl

df = df.rename({"credit_limit": "credit", "loyalty_points": "points"}).drop("name", "email")
