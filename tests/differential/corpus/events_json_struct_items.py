# frame: events
# JSON payloads decoded with an explicit dtype, struct fields of `meta`, and the list of item
# structs exploded and unnested into one row per item.
import polars as pl

payload_type = pl.Struct({"device": pl.String, "version": pl.Int64, "price": pl.Float64, "items": pl.List(pl.Int64)})
df = df.with_columns(pl.col("payload").str.json_decode(payload_type).alias("p")).with_columns(
    pl.col("p").struct.field("device").alias("device"),
    pl.col("p").struct.field("items").list.len().alias("n_payload_items"),
    pl.col("meta").struct.field("source").fill_null("unknown").alias("source"),
    pl.col("meta").struct.rename_fields(["src", "ver", "w"]).struct.field("w").alias("meta_weight"),
    pl.col("p").struct.json_encode().alias("payload_normalised"),
)
items = df.select("user_id", "day", "items").explode("items").unnest("items")
per_day = items.group_by("user_id", "day", maintain_order=True).agg(
    (pl.col("qty") * pl.col("unit_price")).sum().alias("basket_value"),
    pl.col("sku").n_unique().alias("n_skus"),
)
df = df.drop("p", "items", "meta").join(per_day, on=["user_id", "day"], how="left", maintain_order="left")
