# frame: customers
# Structs: built with pl.struct, fields renamed, encoded to JSON and decoded back with a dtype,
# split strings as structs (split_exact, splitn) unnested into columns.
import polars as pl

df = df.with_columns(
    pl.struct("segment", "country").struct.rename_fields(["seg", "ctry"]).alias("profile"),
    pl.col("email").str.split_exact("@", 1).alias("email_parts"),
    pl.col("name").str.splitn(" ", 2).alias("name_parts"),
).with_columns(
    pl.col("profile").struct.json_encode().alias("profile_json"),
).with_columns(
    pl.col("profile_json").str.json_decode(pl.Struct({"seg": pl.String, "ctry": pl.String})).alias("decoded"),
    pl.col("profile_json").str.json_path_match("$.seg").alias("seg_from_json"),
).unnest("email_parts").unnest("name_parts", separator="_").with_columns(
    pl.col("decoded").struct.field("ctry").alias("ctry_back"),
).drop("decoded", "profile")
