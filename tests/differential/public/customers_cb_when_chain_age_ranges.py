# frame: customers
# source: github:PacktPublishing/Polars-Cookbook/Chapter04/ch04.ipynb (Applying UDFs, "There is more")
# construct: select, when_then_chain, lit, str, list
# Age bands with a when/then chain, and the first name with split + list.first.
import polars as pl

age = 2024 - pl.col("birth_year")
df = df.select(
    "name",
    pl.col("name").str.split(" ").list.first().alias("First Name"),
    pl.when(age < 18).then(pl.lit("~17"))
    .when(age <= 30).then(pl.lit("18~30"))
    .when(age <= 50).then(pl.lit("31~50"))
    .when(age <= 70).then(pl.lit("51~70"))
    .when(age > 70).then(pl.lit("71~"))
    .alias("Age Range")
)
