# frame: sensors
# source: github:functime-org/functime/functime/preprocessing.py (impute, method="mean"/"median"/"fill")
# construct: def, selectors, fill_null, over, mean, median, dict
# Fill nulls per device: floats with the device mean, integers with the device median.
import polars as pl
import polars.selectors as cs


def PL_NUMERIC_COLS(*exclude):
    return cs.numeric() - cs.by_name(exclude)


def method_to_expr(entity_col, time_col):
    return {
        "mean": PL_NUMERIC_COLS(entity_col, time_col).fill_null(
            PL_NUMERIC_COLS(entity_col, time_col).mean().over(entity_col)
        ),
        "mixed": [
            cs.float().fill_null(cs.float().mean().over(entity_col)),
            cs.integer().fill_null(cs.integer().median().over(entity_col)),
        ],
    }


entity_col, time_col = df.columns[:2]
df = df.with_columns(method_to_expr(entity_col, time_col)["mixed"])
