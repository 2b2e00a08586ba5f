# frame: products
# Brand normalisation with replace and a brand tier mapping.
import polars as pl

df = df.with_columns(
    pl.col("brand").replace({"Olé": "Ole", "ZenTech": "Zentech"}).alias("brand_ascii"),
    pl.col("brand").replace_strict({"Acme": "budget", "Nordik": "mid", "Sakura": "mid"}, default="premium").alias("brand_tier"),
)
