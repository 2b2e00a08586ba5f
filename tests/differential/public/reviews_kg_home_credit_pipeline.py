# frame: reviews
# frames: customers
# source: github:lktuan/HomeCredit-CRMS (Kaggle "Home Credit - Credit Risk Model Stability" baseline: Pipeline.set_table_dtypes / handle_dates / filter_cols)
# construct: class, staticmethod, loop, column_name_tests, cast, dt, total_days, drop, series_null_mean, series_n_unique
# Type columns by name, turn dates into days relative to a reference date, drop sparse/high-cardinality columns.
import polars as pl


class Pipeline:
    @staticmethod
    def set_table_dtypes(df):
        for col in df.columns:
            if col in ["review_id", "customer_id"]:
                df = df.with_columns(pl.col(col).cast(pl.Int64))
            elif col in ["date_decision"]:
                df = df.with_columns(pl.col(col).cast(pl.Date))
            elif col[-1] in ("g", "s"):
                df = df.with_columns(pl.col(col).cast(pl.Float64))
            elif col[-1] in ("y",):
                df = df.with_columns(pl.col(col).cast(pl.String))
            elif col[-4:] in ("date",):
                df = df.with_columns(pl.col(col).cast(pl.Date))
        return df

    @staticmethod
    def handle_dates(df):
        for col in df.columns:
            if col[-4:] in ("date",):
                df = df.with_columns(pl.col(col) - pl.col("date_decision"))
                df = df.with_columns(pl.col(col).dt.total_days())
        df = df.drop("date_decision")
        return df

    @staticmethod
    def filter_cols(df):
        for col in df.columns:
            if col not in ["target", "review_id", "customer_id"]:
                isnull = df[col].is_null().mean()
                if isnull > 0.95:
                    df = df.drop(col)
        for col in df.columns:
            if (col not in ["target", "review_id", "customer_id"]) & (df[col].dtype == pl.String):
                freq = df[col].n_unique()
                if (freq == 1) | (freq > 200):
                    df = df.drop(col)
        return df


df = df.join(customers.select("customer_id", pl.col("signup_date").alias("date_decision")), on="customer_id", how="left")
df = Pipeline.set_table_dtypes(df)
df = Pipeline.handle_dates(df)
df = Pipeline.filter_cols(df)
