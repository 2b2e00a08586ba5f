# frame: stores
# Frame reshaping: hstack of a frame and of Series, transpose with a header, partition_by into a
# dict of frames, row masks (is_unique / is_duplicated), interpolate, and horizontal concats.
import polars as pl

small = df.head(4)
wide = small.select("store_id", "city").hstack(small.select(pl.col("region").alias("region_copy"))).hstack([small["size_sqft"], small["manager"].alias("boss")])
flipped = small.select("store_id", "size_sqft").transpose(include_header=True, header_name="field", column_names=["s1", "s2", "s3", "s4"])
parts = df.drop_nulls("region").partition_by("region", as_dict=True)
sizes = {key[0]: part.height for key, part in parts.items()}
dupes = df.select("region", "city").is_duplicated()
uniq = df.select("city").is_unique()
filled = df.select("store_id", pl.when(pl.col("store_id") % 3 == 0).then(None).otherwise(pl.col("size_sqft")).alias("size")).interpolate()
ext = pl.concat([small.select("store_id"), df.head(2).select("city")], how="horizontal_extend")
df = wide.with_columns(
    pl.lit(flipped.width).alias("flipped_width"),
    pl.lit(flipped[1, "s1"]).alias("flipped_size_1"),
    pl.lit(sizes.get("North", 0)).alias("n_north"),
    pl.lit(df.filter(dupes).height).alias("n_dupe_rows"),
    pl.lit(df.filter(uniq).height).alias("n_unique_cities"),
    pl.lit(filled["size"].sum()).alias("filled_total"),
    pl.lit(ext["city"].null_count()).alias("ext_nulls"),
)
