# frame: houses
# source: https://docs.pola.rs/user-guide/expressions/user-defined-functions/ (user-defined-functions.py, "setup" + "individual_log")
# construct: map_elements, def, math, python_udf
# Natural log of each value with math.log, called once per value.
import math
import warnings

import polars as pl
from polars.exceptions import PolarsInefficientMapWarning

warnings.simplefilter("ignore", PolarsInefficientMapWarning)


def my_log(value):
    return math.log(value)


df = df.select(pl.col("price").abs().map_elements(my_log, return_dtype=pl.Float64))
