# frame: reviews
# Word sets of review titles and bodies: pl.concat_list, list.concat, the set operations with a
# column and with a literal list, filtering the elements, and to_struct.
import polars as pl

title = pl.col("title").str.to_lowercase().str.split(" ")
body = pl.col("body").str.to_lowercase().str.replace_all(r"[^\w\s]", "").str.split(" ")
df = df.select(
    "review_id",
    title.alias("t"),
    body.alias("b"),
).with_columns(
    pl.concat_list("t", "b").list.len().alias("n_words"),
    pl.concat_list([pl.col("t"), pl.lit(["end"])]).alias("t_end"),
    pl.col("t").list.concat(pl.col("b")).list.unique().list.len().alias("n_distinct_words"),
    pl.col("t").list.concat(pl.lit(["!", "?"])).list.len().alias("t_plus_two"),
    pl.col("t").list.set_intersection("b").alias("shared"),
    pl.col("t").list.set_union(pl.col("b")).list.len().alias("n_union"),
    pl.col("b").list.set_difference(["the", "a", "is", "and"]).list.len().alias("n_content_words"),
    pl.col("t").list.set_symmetric_difference(["great", "okay"]).alias("t_xor"),
    pl.col("b").list.filter(pl.element().str.len_chars() > 6).alias("long_words"),
    pl.col("b").list.agg(pl.element().str.len_chars().max()).alias("longest_word_len"),
    pl.col("t").list.head(2).list.to_struct(fields=["w1", "w2"]).alias("first_words"),
).unnest("first_words")
