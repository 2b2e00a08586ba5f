# frame: transactions
# unpivot gives the rows of every `on` column in turn (here after head(6), and on a whole
# multi-chunk frame with a selector and renamed columns).
import polars as pl
import polars.selectors as cs

small = df.head(6).unpivot(on=["amount", "quantity"], index="tx_id")
full = df.select("tx_id", "channel", "amount", "discount").unpivot(
    on=cs.float(), index=["tx_id", "channel"], variable_name="measure", value_name="x"
)
df = pl.concat([small.with_columns(pl.lit("all").alias("channel")), full.rename({"measure": "variable", "x": "value"})], how="diagonal")
