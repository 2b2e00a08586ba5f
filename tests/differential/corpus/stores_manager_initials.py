# frame: stores
# Manager initial and surname.
import polars as pl

df = df.with_columns(
    pl.col("manager").str.split(". ").list.get(0, null_on_oob=True).alias("manager_initial"),
    pl.col("manager").str.split(". ").list.get(-1, null_on_oob=True).alias("manager_surname"),
)
