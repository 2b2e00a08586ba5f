# frame: products
# `replace`, `sort`, `format`, `filter` by meaning: Python's str.replace, list.sort, str.format
# on names; Expr.replace, str.replace, Expr.sort, pl.format, DataFrame.filter, Expr.filter and
# list.filter on data.
import polars as pl

labels = ["weight_kg", "price"]
labels.sort()
prefix = "item-name".replace("-", "_")
df = df.filter(pl.col("price") > 0).select(
    "product_id",
    pl.col("brand").replace({"Acme": "ACME"}).alias("brand_fixed"),
    pl.col("sku").str.replace("-", "_").alias("sku_fixed"),
    pl.format("{} ({})", pl.col("product_name"), pl.col("brand")).alias("{}_label".format(prefix)),
    pl.col(labels[0]).sort().alias("sorted_" + labels[0]),
    pl.col("price").filter(pl.col("weight_kg") > 1).mean().alias("heavy_mean_price"),
    pl.concat_list("price", "weight_kg").list.filter(pl.element() > 1).alias("over_one"),
)
