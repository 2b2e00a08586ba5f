# frame: customers
# source: github:PacktPublishing/Polars-Cookbook/Chapter04/ch04.ipynb (Applying UDFs: age_to_range with map_elements)
# construct: map_elements, lambda, def, if_chain, python_udf
# Age bands computed by a Python if/elif function per value.
import polars as pl


def age_to_range(age: int) -> str:
    if age < 18:
        return "~17"
    elif age <= 30:
        return "18~30"
    elif age <= 50:
        return "31~50"
    elif age <= 70:
        return "50~70"
    else:
        return "71~"


df = df.select(
    "birth_year",
    (2024 - pl.col("birth_year")).map_elements(lambda el: age_to_range(el), return_dtype=pl.String).alias("Age Range"),
)
