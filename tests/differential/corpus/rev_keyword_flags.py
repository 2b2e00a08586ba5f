# frame: reviews
# Keyword flags from a list, built in a loop with f-strings.
import polars as pl

keywords = ["battery", "quality", "price", "service", "late", "gift"]
body = pl.col("body").str.to_lowercase()
for kw in keywords:
    df = df.with_columns(body.str.contains(kw, literal=True).alias(f"mentions_{kw}"))
