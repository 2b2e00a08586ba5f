# frame: stores
# source: github:PacktPublishing/Polars-Cookbook/Chapter08/ch08.ipynb (Other reshaping techniques: partition_by, transpose)
# construct: partition_by, as_dict, loop, transpose, include_header
# Split the frame into one frame per region, summarize each, and transpose the summary.
import polars as pl

parts = df.drop_nulls("region").partition_by("region", as_dict=True, maintain_order=True)
summary = pl.DataFrame(
    {key[0]: [len(part), int(part["size_sqft"].sum())] for key, part in sorted(parts.items())}
)
df = summary.transpose(include_header=True, header_name="region", column_names=["n_stores", "total_sqft"])
