# frame: transactions
# Coarse category groups with replace_strict and a default.
import polars as pl

groups = {
    "grocery": "food",
    "café & bar": "food",
    "electronics": "durable",
    "home": "durable",
}
df = df.with_columns(
    pl.col("category").replace_strict(groups, default="other").alias("category_group")
)
