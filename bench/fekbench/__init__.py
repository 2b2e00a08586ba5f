# fekbench: the benchmarks of fekernel against ipykernel, Python Polars and pandas.
# `python -m fekbench.main` runs them all (bench/run sets everything up first).
