# frame: houses
# Log transforms of skewed numeric columns in a loop.
import polars as pl

skewed = ["price", "sqft", "lot_size"]
for c in skewed:
    df = df.with_columns(pl.col(c).log1p().alias(f"log_{c}"))
