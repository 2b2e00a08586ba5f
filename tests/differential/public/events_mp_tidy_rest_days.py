# frame: events
# source: github:kevinheavey/modern-polars/book/tidy.qmd (tidy_pl)
# construct: lazy, with_row_index, unpivot, sort, diff, over, alias_mid_chain, dt, cast, drop_nulls
# Days since the same value was last seen, after unpivoting two columns into one.
import polars as pl

games_pl = df.lazy().select("day", "user_id", "kind").sort("day").with_row_index("game_id")
df = (
    games_pl.unpivot(
        index=["game_id", "day"],
        on=["user_id", "kind"],
        value_name="team",
    )
    .sort("game_id")
    .with_columns((pl.col("day").alias("rest").diff().over("team").dt.total_days() - 1).cast(pl.Int8))
    .drop_nulls("rest")
    .collect()
)
