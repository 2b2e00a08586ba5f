# frame: customers
# source: github:AdrianAntico/PolarsFE/PolarsFE/character.py (dummy_variables)
# construct: def, clone, series_value_counts, to_list, loop, frame_series_compare, cast, drop
# One-hot columns for the 3 most frequent levels of the segment.
import polars as pl


def dummy_variables(df, columns, top_n=None, keep_original=False):
    df = df.clone()
    for col in columns:
        unique_counts = df[col].value_counts().sort("count", descending=True)
        if top_n and col in top_n:
            selected = unique_counts.head(top_n[col])[col].to_list()
        else:
            selected = unique_counts[col].to_list()
        for level in selected:
            df = df.with_columns((df[col] == level).cast(pl.Int8()).alias(f"{col}_{level}"))
    if not keep_original:
        df = df.drop(columns)
    return df


df = df.with_columns(pl.col("segment").fill_null("Unknown"))
df = dummy_variables(df, ["segment"], top_n={"segment": 3})
