# frame: sales
# source: github:gizmrkv/polars-ml/src/polars_ml/pipeline/getattr.py (GetAttr: getattr(obj, attr)(*args, **kwargs))
# construct: class, init, args, kwargs, getattr, isinstance, frame_method_by_name
# Frame methods called by name with stored positional and keyword arguments.
from typing import Any

import polars as pl


class GetAttr:
    def __init__(self, attr: str, obj: Any | None, *args: Any, **kwargs: Any) -> None:
        self.attr = attr
        self.obj = obj
        self.args = args
        self.kwargs = kwargs

    def transform(self, data: pl.DataFrame) -> pl.DataFrame:
        obj = data if self.obj is None else self.obj
        output = getattr(obj, self.attr)(*self.args, **self.kwargs)
        return output if isinstance(output, pl.DataFrame) else data


steps = [
    GetAttr("filter", None, pl.col("units") > 30),
    GetAttr("with_columns", None, (pl.col("revenue") / pl.col("units")).alias("price"), promo_int=pl.col("promo").cast(pl.Int8)),
    GetAttr("sort", None, "store_id", "date", descending=[False, True]),
    GetAttr("head", None, 200),
]
for step in steps:
    df = step.transform(df)
