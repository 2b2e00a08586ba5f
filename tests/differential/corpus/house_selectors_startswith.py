# frame: houses
# Select by name pattern with starts_with / ends_with / contains.
import polars.selectors as cs

df = df.select(cs.starts_with("l"), cs.ends_with("_id"), cs.contains("room"))
