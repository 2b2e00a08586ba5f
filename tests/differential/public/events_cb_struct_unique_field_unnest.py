# frame: events
# source: github:PacktPublishing/Polars-Cookbook/Chapter07/ch07.ipynb (pl.struct(pl.col('channelGrouping'), pl.col('trafficSource').struct.field('source')).unique())
# construct: select, struct, struct_field, unique, unnest, sort
# Distinct (kind, source) pairs, from a struct of a column and a field of another struct.
import polars as pl

df = (
    df
    .select(
        pl.struct(
            pl.col("kind"),
            pl.col("meta").struct.field("source")
        )
        .unique()
        .alias("kindAndSource")
    )
    .unnest("kindAndSource")
    .sort("kind", "source", nulls_last=True)
)
