# frame: houses
# Complete cases only.
df = df.drop_nulls()
