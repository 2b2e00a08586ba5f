# frame: sales
# source: github:AdrianAntico/PolarsFE/PolarsFE/window.py (lags, differences)
# construct: def, isinstance, sort, loop, shift, over, fill_null, tuple_unpacking
# Lags and (pairs of) lag differences per store, optionally filled.
import polars as pl


def differences(data, date_col, columns, diffs=1, group_vars=None, fill_value=None):
    if isinstance(diffs, (int, tuple)):
        diffs = [diffs]
    sort_cols = group_vars + [date_col] if group_vars is not None else [date_col]
    data = data.sort(sort_cols)
    diff_exprs = []
    for col in columns:
        for diff_spec in diffs:
            if isinstance(diff_spec, int):
                expr = pl.col(col) - pl.col(col).shift(diff_spec)
                new_col_name = f"{col}_diff_{diff_spec}"
            elif isinstance(diff_spec, tuple) and len(diff_spec) == 2:
                k1, k2 = diff_spec
                expr = pl.col(col).shift(k1) - pl.col(col).shift(k2)
                new_col_name = f"{col}_diff_{k1}_{k2}"
            else:
                raise ValueError("Each difference specification must be either an integer or a tuple of two integers.")
            if group_vars is not None:
                expr = expr.over(group_vars)
            if fill_value is not None:
                expr = expr.fill_null(fill_value)
            diff_exprs.append(expr.alias(new_col_name))
    return data.with_columns(diff_exprs)


df = differences(df, "date", ["units", "revenue"], diffs=[1, (1, 2)], group_vars=["store_id"], fill_value=0)
