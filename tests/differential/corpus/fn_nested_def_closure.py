# frame: transactions
# Helpers defined inside a helper (closures over the enclosing function's parameters and
# locals, two levels deep, one defined in a loop that passes the loop variable as an argument),
# an expression-valued head/tail per group, and Series.shrink_dtype.
import polars as pl


def spend_features(frame, columns, how="max", scale=1.0):
    label = how.lower()

    def summarise(col):
        def scaled(expr):
            return expr * scale

        if label == "max":
            return scaled(pl.col(col).max())
        elif label == "min":
            return scaled(pl.col(col).min())
        return scaled(pl.col(col).mean())

    outputs = []
    for col in columns:
        def named(expr, name):
            return expr.alias(f"{name}_{label}")

        outputs.append(named(summarise(col), col))
    return frame.group_by("customer_id", maintain_order=True).agg(
        *outputs,
        pl.col("amount").sort().head(pl.len() // 2).sum().alias("lower_half_spend"),
        pl.col("amount").sort().tail(pl.col("quantity").drop_nulls().len() // 3).mean().alias("upper_third_mean"),
    )


df = spend_features(df, ["amount", "discount"], how="Max", scale=2.0)
df = df.with_columns(df["lower_half_spend"].round(0).cast(pl.Int64).shrink_dtype().alias("lower_small"))
