# frame: transactions
# Struct keys: repeat (customer, merchant) pairs and a field read back from the struct.
import polars as pl

pair = pl.struct("customer_id", "merchant")
df = df.with_columns(
    pair.is_first_distinct().alias("first_visit_to_merchant"),
    pair.n_unique().alias("n_customer_merchant_pairs"),
    pl.struct(cid="customer_id", amt=pl.col("amount").round(0)).struct.field("amt").alias("amount_rounded"),
)
