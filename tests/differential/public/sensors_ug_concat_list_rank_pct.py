# frame: sensors
# source: https://docs.pola.rs/user-guide/expressions/lists-and-arrays/ (user-guide/expressions/lists.py, "rank_pct")
# construct: with_columns, concat_list, exclude, list_eval, rank
# Percent rank of each reading among the numeric readings of the same row.
import polars as pl

df = df.select("device_id", "temperature", "pressure", "humidity")

rank_pct = (pl.element().rank(descending=True) / pl.element().count()).round(2)

df = df.with_columns(
    # create the list of homogeneous data
    pl.concat_list(pl.all().exclude("device_id")).alias("all_readings")
).select(
    # select all columns except the intermediate list
    pl.all().exclude("all_readings"),
    # compute the rank by calling `list.eval`
    pl.col("all_readings").list.eval(rank_pct, parallel=True).alias("readings_rank"),
)
