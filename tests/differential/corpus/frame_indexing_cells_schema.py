# frame: stores
# Values by position (df[i, "col"], df[-1, j]), blocks (df[2:6, [...]], df[[0, 5], [1, 0]]), the
# schema's names()/dtypes()/len(), and isinstance checks on Polars types.
import polars as pl

first_city = df[0, "city"]
last_size = df[-1, 4]
block = df[2:6, ["store_id", "city"]]
picked = df[[0, 5, 3], [1, 0]]
schema = df.collect_schema()
names, dtypes, width = schema.names(), schema.dtypes(), schema.len()
size = pl.col("size_sqft")
kinds = [isinstance(size, pl.Expr), isinstance(df, pl.DataFrame), isinstance(df["city"], pl.Series), isinstance(3, pl.Expr)]
df = block.join(picked, on="store_id", how="left", maintain_order="left").with_columns(
    pl.lit(first_city).alias("first_city"),
    pl.lit(last_size).alias("last_size"),
    pl.lit(",".join(names[:3])).alias("first_names"),
    pl.lit(str(dtypes[0])).alias("first_dtype"),
    pl.lit(width).alias("width"),
    pl.lit(sum(kinds)).alias("n_polars_kinds"),
)
