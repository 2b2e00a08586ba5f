# frame: transactions
# Group columns by dtype family with the schema and process each family.
import polars as pl

schema = df.schema
string_cols = [c for c, t in schema.items() if t == pl.String]
float_cols = [c for c, t in schema.items() if t in (pl.Float32, pl.Float64)]
df = df.with_columns(
    [pl.col(c).fill_null("NA") for c in string_cols]
    + [pl.col(c).fill_nan(None).fill_null(0) for c in float_cols]
)
