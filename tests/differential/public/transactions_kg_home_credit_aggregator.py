# frame: transactions
# source: github:lktuan/HomeCredit-CRMS/src/aggregator.py (Aggregator.num_expr / date_expr / str_expr / count_expr / get_exprs)
# construct: class, staticmethod, comprehension, column_name_tests, pl_max, list_concat, group_by, agg
# order: any
# Max of every column chosen by name suffix, aggregated per customer.
import polars as pl


class Aggregator:
    @staticmethod
    def num_expr(df):
        cols = [col for col in df.columns if col[-1] in ("t", "y")]
        expr_max = [pl.max(col).alias(f"max_{col}") for col in cols]
        return expr_max

    @staticmethod
    def date_expr(df):
        cols = [col for col in df.columns if col[-2:] in ("ts",)]
        expr_max = [pl.max(col).alias(f"max_{col}") for col in cols]
        return expr_max

    @staticmethod
    def str_expr(df):
        cols = [col for col in df.columns if col[-1] in ("l", "r")]
        expr_max = [pl.max(col).alias(f"max_{col}") for col in cols]
        return expr_max

    @staticmethod
    def count_expr(df):
        cols = [col for col in df.columns if "_id" in col and col != "customer_id"]
        expr_max = [pl.max(col).alias(f"max_{col}") for col in cols]
        return expr_max

    @staticmethod
    def get_exprs(df):
        exprs = Aggregator.num_expr(df) + \
                Aggregator.date_expr(df) + \
                Aggregator.str_expr(df) + \
                Aggregator.count_expr(df)
        return exprs


df = df.group_by("customer_id").agg(Aggregator.get_exprs(df))
