# frame: transactions
# source: github:kevinheavey/modern-polars/book/method_chaining.qmd (time_col_pl, time_to_datetime_pl)
# construct: def, comprehension, when_then, str, strptime, dt, combine
# Parse HHMM strings (with "2400" meaning midnight) and combine them with a date column.
import polars as pl

df = df.drop_nulls("ts").select(
    pl.col("ts").dt.date().alias("FlightDate"),
    pl.col("ts").dt.strftime("%H%M").alias("DepTime"),
    (pl.col("ts") + pl.duration(minutes=90)).dt.strftime("%H%M").alias("ArrTime"),
)


def time_col_pl(col: str) -> pl.Expr:
    col_expr = pl.col(col)
    return (
        pl.when(col_expr == "2400")
        .then(pl.lit("0000"))
        .otherwise(col_expr)
        .str.strptime(pl.Time, "%H%M", strict=True)
        .alias(col)
    )


def time_to_datetime_pl(columns: list[str]) -> list[pl.Expr]:
    date_col = pl.col("FlightDate")
    return [date_col.dt.combine(time_col_pl(col)).alias(col) for col in columns]


df = df.with_columns([*time_to_datetime_pl(["DepTime", "ArrTime"])])
