# frame: reviews
# Non-ASCII content indicators (emoji, accents, CJK).
import polars as pl

df = df.with_columns(
    pl.col("body").str.contains(r"[^\x00-\x7F]").alias("body_non_ascii"),
    pl.col("title").str.contains("最高", literal=True).alias("title_cjk_best"),
    (pl.col("body").str.len_bytes() - pl.col("body").str.len_chars()).alias("extra_utf8_bytes"),
)
