# frame: transactions
# source: github:AdrianAntico/PolarsFE/PolarsFE/character.py (categorical_encoding, method="target_encoding", ML_Type="multiclass")
# construct: group_by, agg, len, join, pivot, dict_comprehension, rename
# For each channel, the share of each category's rows, as one column per category.
import polars as pl

group, target_variable = "channel", "category"
df_counts = df.group_by([group, target_variable]).agg(
    pl.len().alias("N")
)
target_totals = df_counts.group_by(target_variable).agg(
    pl.col("N").sum().alias("total")
)
df_counts = df_counts.join(target_totals, on=target_variable, how="left")
df_counts = df_counts.with_columns(
    (pl.col("N") / pl.col("total")).alias(f"{group}_TargetEncode")
)
mapping_df = df_counts.sort(target_variable, group).pivot(
    values=f"{group}_TargetEncode",
    index=group,
    on=target_variable,
    aggregate_function="first",
)
rename_dict = {
    col: f"{group}_TargetEncode_TargetLevel_{col}"
    for col in mapping_df.columns
    if col != group
}
df = mapping_df.rename(rename_dict).sort(group)
