# frame: customers
# source: github:PacktPublishing/Polars-Cookbook/Chapter04/ch04.ipynb (Applying UDFs: get_first_name with map_elements)
# construct: map_elements, lambda, def, python_udf
# First name via a Python function called once per value.
import polars as pl


def get_first_name(full_name: str) -> str:
    return full_name.split(" ")[0]


df = df.select(
    "name",
    pl.col("name").map_elements(lambda el: get_first_name(el), return_dtype=pl.String).alias("First Name"),
)
