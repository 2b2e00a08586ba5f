# frame: sales
# source: github:functime-org/functime/functime/preprocessing.py (diff)
# construct: def, selectors, diff, over
# Seven-day differences of every numeric column within each store.
import polars as pl
import polars.selectors as cs


def PL_NUMERIC_COLS(*exclude):
    return cs.numeric() - cs.by_name(exclude)


entity_col, time_col = df.columns[:2]
sp = 7
df = df.with_columns(PL_NUMERIC_COLS(entity_col, time_col).diff(n=sp).over(entity_col))
