# frame: events
# source: https://docs.pola.rs/api/python/stable/reference/expressions/api/polars.Expr.str.json_path_match.html (docstring example)
# construct: with_columns, str, json_path_match, cast
# Extract single values from JSON text with a JSONPath.
import polars as pl

df = df.select("event_id", "payload").with_columns(
    device=pl.col("payload").str.json_path_match(r"$.device"),
    version=pl.col("payload").str.json_path_match(r"$.version").cast(pl.Int64),
    first_item=pl.col("payload").str.json_path_match(r"$.items[0]"),
)
