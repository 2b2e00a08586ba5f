# frame: transactions
# pivot with aggregate functions and two value columns (combined names), then unpivot of mixed numbers.
import polars as pl

wide = df.pivot(on="channel", index="category", values=["amount", "quantity"], aggregate_function="sum", sort_columns=True)
firsts = df.pivot(on="channel", index="customer_id", values="tx_id", aggregate_function="first")
counts = df.pivot(on="category", index="customer_id", values="amount", aggregate_function="len")
long = df.select("tx_id", "amount", "quantity", "discount").unpivot(index="tx_id", variable_name="what", value_name="v")
df = firsts.join(counts, on="customer_id", how="left")
df = df.join(long.group_by("tx_id").agg(pl.col("v").sum().alias("v_sum")), left_on="app", right_on="tx_id", how="left")
df = df.with_columns(pl.lit(wide.height).alias("wide_rows"))
