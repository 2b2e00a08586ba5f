# frame: transactions
# Global z-score of amount, computed from frame scalars.
import polars as pl

mean_amount = df["amount"].fill_nan(None).mean()
std_amount = df["amount"].fill_nan(None).std()
df = df.with_columns(((pl.col("amount") - mean_amount) / std_amount).alias("amount_z"))
