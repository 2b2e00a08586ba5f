# frame: reviews
# source: https://docs.pola.rs/api/python/stable/reference/expressions/api/polars.Expr.entropy.html + Expr.value_counts.html (normalize, name)
# construct: group_by, agg, entropy, value_counts, normalize, explode, unnest
# Rating entropy per product, and the rating distribution as shares.
import polars as pl

ent = df.group_by("product_id").agg(
    pl.col("rating").entropy(base=2).alias("rating_entropy"),
    pl.col("rating").drop_nulls().entropy(normalize=False).alias("raw_entropy"),
).sort("product_id")
shares = df.select(pl.col("rating").value_counts(sort=True, normalize=True, name="share")).unnest("rating")
df = ent.with_columns(pl.lit(shares.filter(pl.col("rating") == 5)["share"].item()).alias("share_of_5"))
