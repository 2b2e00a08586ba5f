# frame: customers
# Structs: built from columns with nulls (n_unique, is_duplicated count null fields as values),
# fields read back and renamed, unnested with and without a separator, and one kept in the output.
import polars as pl

pair = pl.struct("segment", "country")
df = df.with_columns(
    pair.n_unique().alias("n_pairs"),
    pair.is_duplicated().alias("dup_pair"),
    pair.is_first_distinct().over("is_active").alias("first_pair_by_active"),
    pair.struct.rename_fields(["seg", "ctry"]).struct.field("ctry").alias("ctry"),
    pl.struct(id="customer_id", pts=pl.col("loyalty_points") * 2).alias("packed"),
    pl.struct(pl.col("credit_limit").round(0).alias("limit"), pl.col("birth_year").alias("born")).alias("money"),
).unnest("money").unnest("packed", separator="__").with_columns(pair.alias("kept"))
