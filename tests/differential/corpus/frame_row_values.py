# frame: transactions
# Values taken from single rows: the first and last transaction (row(0, named=True), and row(-1)
# after lazy()...collect()), a row found by predicate, used as constants in features.
import polars as pl

first = df.drop_nulls("ts").sort("ts").row(0, named=True)
last_ts, last_amount = df.lazy().drop_nulls("ts").sort("ts").select("ts", "amount").collect().row(-1)
tx_id, customer = df.row(by_predicate=pl.col("tx_id") == 42)[:2]
rest = df.row(by_predicate=pl.col("tx_id") == 42)[2:]
df = df.with_columns(
    (pl.col("ts") - pl.lit(first["ts"])).dt.total_hours().alias("hours_since_first"),
    (pl.lit(last_ts) - pl.col("ts")).dt.total_days().alias("days_to_last"),
    (pl.col("amount") / last_amount).alias("amount_vs_last"),
    (pl.col("customer_id") == customer).alias("same_customer_as_42"),
    pl.lit(first["channel"]).alias("first_channel"),
    pl.lit(len(rest)).alias("n_other_fields"),
)
