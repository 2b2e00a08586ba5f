# frame: transactions
# More string features: contains_any with a keyword list, titlecase, extract_all, find, head and
# tail, padding, prefixes and suffixes, to_integer, replace_many, reverse.
import polars as pl

KEYWORDS = ["mart", "shop", "store"]
df = df.with_columns(
    pl.col("merchant").str.to_lowercase().str.contains_any(KEYWORDS).alias("is_retail"),
    pl.col("merchant").str.contains_any(["BAR", "café"], ascii_case_insensitive=True).alias("is_food"),
    pl.col("merchant").str.to_lowercase().str.to_titlecase().alias("merchant_title"),
    pl.col("category").str.to_titlecase().alias("category_title"),
    pl.col("merchant").str.extract_all(r"\d+").list.len().alias("n_numbers"),
    pl.col("merchant").str.find(" ").alias("first_space"),
    pl.col("merchant").str.find("&", literal=True).alias("amp_at"),
    pl.col("merchant").str.head(3).alias("m3"),
    pl.col("merchant").str.tail(2).alias("m_last2"),
    pl.col("channel").str.pad_start(6, "*").alias("channel_padded"),
    pl.col("channel").str.pad_end(6).alias("channel_right"),
    pl.col("merchant").str.strip_prefix("Mega").alias("no_mega"),
    pl.col("merchant").str.strip_suffix(" 24").alias("no_24"),
    pl.col("tx_id").cast(pl.String).str.zfill(6).str.tail(4).str.to_integer().alias("tx_tail4"),
    pl.lit("-17").str.to_integer(dtype=pl.Int32).alias("minus_17"),
    pl.col("merchant").str.to_integer(strict=False).alias("merchant_as_int"),
    pl.col("merchant").str.replace_many({"&": "and", "+": "plus"}).alias("merchant_words"),
    pl.col("merchant").str.replace_many(["Shop", "Mart"], ["Store", "Store"]).alias("merchant_store"),
    pl.col("channel").str.reverse().alias("channel_rev"),
    pl.col("merchant").str.split(r"\s+", literal=False).list.len().alias("n_tokens_regex"),
)
