# frame: reviews
# source: github:kevinheavey/modern-polars/book/tidy.qmd (wins_pl)
# construct: unpivot, variable_name, with_columns, alias_mid_chain, group_by, agg, sort
# Share of good ratings by id value and id kind, after stacking two id columns.
import polars as pl

win_col = pl.col("win")
df = (
    df.with_columns((pl.col("rating") >= 4).alias("good"), pl.col("product_id").cast(pl.Int64))
    .unpivot(
        index=["review_id", "review_date", "good"],
        value_name="team",
        variable_name="is_home",
        on=["product_id", "customer_id"],
    )
    .with_columns(pl.col("good").alias("win") == (pl.col("is_home") == "product_id"))
    .group_by(["team", "is_home"])
    .agg(
        [
            win_col.sum().alias("n_wins"),
            win_col.count().alias("n_games"),
            win_col.mean().alias("win_pct"),
        ]
    )
    .sort(["team", "is_home"])
)
