# frame: sales
# Compare dates against pl.date literals and count days to an event.
import polars as pl

df = df.with_columns(
    (pl.col("date") < pl.date(2024, 1, 1)).alias("in_2023"),
    (pl.date(2023, 12, 24) - pl.col("date")).dt.total_days().alias("days_to_xmas_eve"),
    pl.col("date").is_between(pl.date(2023, 12, 20), pl.date(2024, 1, 6)).alias("holiday_season"),
)
