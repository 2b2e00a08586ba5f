# frame: customers
# Percentile rank of every numeric column except the id.
import polars as pl
import polars.selectors as cs

num = cs.numeric() - cs.by_name("customer_id")
df = df.with_columns((num.rank() / pl.len()).name.suffix("_pct_rank"))
