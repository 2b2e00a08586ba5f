# frame: customers
# Titlecase of names and countries, and of a lookup table with awkward Unicode (digraphs,
# ligatures, sharp s, final sigma, apostrophes, digits), joined back by position.
import polars as pl

words = pl.DataFrame({
    "k": [0, 1, 2, 3, 4, 5, 6, 7, 8],
    "raw": ["o'neil-smith", "ǆemal ǉubav", "ﬁsh & ﬂour", "straße ß", "ΣΑΣ ΟΔΟΣ", "2nd floor", "İstanbul", "mcDONALD's", None],
})
lookup = words.with_columns(pl.col("raw").str.to_titlecase().alias("title"))
df = df.with_columns(
    pl.col("name").str.to_titlecase().alias("name_title"),
    pl.col("country").str.to_titlecase().alias("country_title"),
    pl.col("email").str.to_titlecase().alias("email_title"),
    (pl.col("customer_id") % 9).alias("k"),
).join(lookup, on="k", how="left", maintain_order="left")
