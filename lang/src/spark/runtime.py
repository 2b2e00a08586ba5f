# ---- Polars semantics on Spark: the helpers the translated steps call ----
# Each keeps a Python Polars 2.1 behaviour where Spark's own function differs
# (docs/spark-export.md lists every difference with the code it becomes).

_FE_ORDER = "_fe_ord"  # hidden column: the row order Polars would have (file order, sorts, joins)
_FE_PER_DAY = {"ns": 86_400_000_000_000, "us": 86_400_000_000, "ms": 86_400_000}
_FE_FROM_US = {"ns": 1000, "us": 1, "ms": None}


def fe_epoch_start():
    """1970-01-01 00:00:00 as a timestamp without time zone (a column needs a running session)."""
    return F.lit("1970-01-01 00:00:00").cast("timestamp_ntz")


def fe_col(name):
    """A column by its exact name (dots and spaces are part of the name, not struct access)."""
    return F.col("`" + name.replace("`", "``") + "`")


def fe_div(a, b):
    """Polars `/`: float division, x/0 is inf, -inf or NaN (Spark: NULL, or an error under ANSI)."""
    a, b = a.cast("double"), b.cast("double")
    inf = F.lit(float("inf"))
    by_zero = F.when(a > 0, inf).when(a < 0, -inf).when(a.isNotNull(), F.lit(float("nan")))
    return F.when(b == 0, by_zero).otherwise(F.try_divide(a, b))


def fe_floordiv_int(a, b):
    """Polars `//` on integers: floors toward -inf; x // 0 is null."""
    q = F.try_divide(a - fe_mod_int(a, b), b)
    return F.when(b != 0, q.cast("long"))


def fe_mod_int(a, b):
    """Polars `%` on integers: the sign of the divisor (Python's rule); x % 0 is null."""
    r = F.try_mod(a, b)
    return F.when(b != 0, F.when((r != 0) & ((r < 0) != (b < 0)), r + b).otherwise(r))


def fe_mod_float(a, b):
    """Polars `%` on floats: a - b * floor(a / b)."""
    a, b = a.cast("double"), b.cast("double")
    return a - b * F.floor(fe_div(a, b)).cast("double")


def fe_log(x, base):
    """Polars log: -inf at 0 and NaN below (Spark: NULL)."""
    x = x.cast("double")
    return F.when(x > 0, F.log(float(base), x)).when(x == 0, F.lit(float("-inf"))).when(x.isNotNull(), F.lit(float("nan")))


def fe_log1p(x):
    x = x.cast("double")
    return F.when(x > -1, F.log1p(x)).when(x == -1, F.lit(float("-inf"))).when(x.isNotNull(), F.lit(float("nan")))


def fe_sqrt(x):
    """Polars sqrt: NaN below 0 (Spark: NaN too), kept explicit for nulls."""
    return F.sqrt(x.cast("double"))


def fe_sum(x):
    """Polars sum: 0 when every value is null (Spark: NULL)."""
    return F.coalesce(F.sum(x), F.lit(0))


def fe_n_unique(x):
    """Polars n_unique counts null as one more value (Spark's count_distinct skips it)."""
    return F.count_distinct(x) + F.max(F.when(x.isNull(), 1).otherwise(0))


def fe_quantile(x, q, method, window=None):
    """Polars quantile(q, interpolation=method) over the non-null values (of `window`'s rows)."""
    over = (lambda c: c.over(window)) if window is not None else (lambda c: c)
    if method == "linear":
        return over(F.percentile(x, q))
    s = over(F.array_sort(F.collect_list(x))) if window is None else F.array_sort(over(F.collect_list(x)))
    n = F.size(s)
    pos = F.lit(q) * (n - 1)
    if method == "nearest":
        i = F.round(pos, 0)  # Polars: (q * (n - 1)).round(), half away from zero
    elif method == "lower":
        i = F.floor(pos)
    elif method == "higher":
        i = F.ceil(pos)
    else:
        lo, hi = F.element_at(s, F.floor(pos).cast("int") + 1), F.element_at(s, F.ceil(pos).cast("int") + 1)
        return F.when(n > 0, (lo + hi) / 2)
    return F.when(n > 0, F.element_at(s, i.cast("int") + 1))


def fe_is_nan(x):
    """Polars is_nan keeps nulls null (Spark's isnan says false)."""
    return F.when(x.isNotNull(), F.isnan(x))


def fe_round_half_even(x, decimals):
    """Polars round (half to even, on the float's exact value)."""
    return F.bround(x, decimals)


def fe_epoch(x, unit, dtype):
    """Integer time since 1970-01-01 in `unit` for a Date or a Datetime without time zone."""
    if dtype == "date":
        return F.unix_date(x).cast("long") * _FE_PER_DAY[unit]
    us = F.timestamp_diff("MICROSECOND", fe_epoch_start(), x)
    if unit == "ms":
        return F.floor(us / 1000).cast("long")
    return us * _FE_FROM_US[unit]


def fe_from_epoch(n, unit):
    """A Datetime without time zone from an integer time since 1970 in `unit`."""
    us = n * 1000 if unit == "ms" else (F.floor(n / 1000).cast("long") if unit == "ns" else n)
    return F.timestamp_add("MICROSECOND", us, fe_epoch_start())


def fe_trunc_div(a, b):
    """Integer division toward zero (Rust's `/` on integers, used by total_days() & co.)."""
    return ((a - a % b) / b).cast("long")


def fe_weekday(x):
    """ISO weekday, Monday = 1 … Sunday = 7 (Spark's dayofweek: Sunday = 1)."""
    return F.weekday(x) + 1


def fe_str_slice(x, offset, length):
    """Polars str.slice(offset, length): 0-based, negative offsets count from the end, clamped."""
    n = F.char_length(x)
    start = F.lit(offset) if offset >= 0 else F.greatest(n + offset, F.lit(0))
    if length is None:
        size = F.greatest(n - start, F.lit(0))
    elif offset >= 0:
        size = F.lit(length)
    else:
        size = F.least(F.lit(length), F.greatest(n - start, F.lit(0)))
        size = F.when(n + offset < 0, F.greatest(F.lit(length) + (n + offset), F.lit(0))).otherwise(size)
    return F.when(x.isNotNull(), F.substring(x, start + 1, size))


def fe_str_head(x, n):
    if n >= 0:
        return F.substring(x, 1, n)
    return F.substring(x, 1, F.greatest(F.char_length(x) + n, F.lit(0)))


def fe_str_tail(x, n):
    length = F.char_length(x)
    if n >= 0:
        return F.substring(x, F.greatest(length - n, F.lit(0)) + 1, n)
    return F.substring(x, -n + 1, F.greatest(length + n, F.lit(0)))


def fe_pad_start(x, width, fill):
    """Polars pad_start never cuts a longer string (Spark's lpad does)."""
    return F.when(F.char_length(x) >= width, x).otherwise(F.lpad(x, width, fill))


def fe_pad_end(x, width, fill):
    return F.when(F.char_length(x) >= width, x).otherwise(F.rpad(x, width, fill))


def fe_zfill(x, width):
    """Polars zfill: zeros after a leading sign, never cuts."""
    sign = F.substring(x, 1, 1)
    signed = sign.isin("-", "+")
    body = F.when(signed, F.substring(x, 2, 1 << 30)).otherwise(x)
    padded = F.concat(F.when(signed, sign).otherwise(F.lit("")), F.lpad(body, width - 1, "0"))
    padded_unsigned = F.lpad(x, width, "0")
    return F.when(F.char_length(x) >= width, x).when(signed, padded).otherwise(padded_unsigned)


def fe_strip(x, chars):
    """Polars strip_chars: Unicode whitespace by default, else any of `chars`, both ends."""
    cls = r"\s" if chars is None else "[" + "".join("\\" + c if c in "\\^]-[" else c for c in chars) + "]"
    return F.regexp_replace(x, "(?U)^" + cls + "+|" + cls + "+$", "")


def fe_strip_start(x, chars):
    cls = r"\s" if chars is None else "[" + "".join("\\" + c if c in "\\^]-[" else c for c in chars) + "]"
    return F.regexp_replace(x, "(?U)^" + cls + "+", "")


def fe_strip_end(x, chars):
    cls = r"\s" if chars is None else "[" + "".join("\\" + c if c in "\\^]-[" else c for c in chars) + "]"
    return F.regexp_replace(x, "(?U)" + cls + "+$", "")


def fe_strip_prefix(x, prefix):
    return F.when(x.startswith(prefix), F.substring(x, len(prefix) + 1, 1 << 30)).otherwise(x)


def fe_strip_suffix(x, suffix):
    keep = F.greatest(F.char_length(x) - len(suffix), F.lit(0))
    return F.when(x.endswith(suffix), F.substring(x, 1, keep)).otherwise(x)


def fe_replace_first_literal(x, old, new):
    """Polars str.replace(old, new, literal=True): the first occurrence only."""
    at = F.instr(x, old)
    if old == "":
        return F.concat(F.lit(new), x)
    rest = F.substring(x, at + len(old), 1 << 30)
    return F.when(at > 0, F.concat(F.substring(x, 1, at - 1), F.lit(new), rest)).otherwise(x)


def fe_regex(pattern):
    """Rust's regex classes are Unicode-aware; Java's are ASCII unless (?U) is set."""
    return "(?U)" + pattern


def fe_extract(x, pattern, group):
    """Polars str.extract: null when the pattern does not match (Spark: an empty string)."""
    return F.when(x.rlike(fe_regex(pattern)), F.regexp_extract(x, fe_regex(pattern), group))


def fe_split(x, by):
    """Polars str.split(by): a literal separator; "" splits into characters."""
    return F.split(x, re.escape(by), -1)


def fe_cum(fn, x, window):
    """cum_sum/cum_min/cum_max/cum_prod: null where the value is null, running over the rest."""
    return F.when(x.isNotNull(), fn(x).over(window.rowsBetween(Window.unboundedPreceding, Window.currentRow)))


def fe_rolling(fn, x, window, min_samples):
    """A window aggregate that is null until `min_samples` non-null values are in the window."""
    return F.when(F.count(x).over(window) >= min_samples, fn(x).over(window))


def fe_rank(x, method, descending, partition):
    """Polars rank: nulls stay null and do not take a rank; `average` is the mean of the tied ranks."""
    key = x.desc_nulls_last() if descending else x.asc_nulls_last()
    ordered = Window.partitionBy(*partition).orderBy(key)
    ties = Window.partitionBy(*partition, x)
    if method == "average":
        r = F.rank().over(ordered) + (F.count(F.lit(1)).over(ties) - 1) / 2.0
    elif method == "min":
        r = F.rank().over(ordered)
    elif method == "max":
        r = F.rank().over(ordered) + F.count(F.lit(1)).over(ties) - 1
    elif method == "dense":
        r = F.dense_rank().over(ordered)
    else:  # ordinal: ties in row order
        r = F.row_number().over(Window.partitionBy(*partition).orderBy(key, F.col(_FE_ORDER)))
    return F.when(x.isNotNull(), r)


def fe_with_order(frame):
    """A source frame with its row order (the order the file was read in) as a hidden column."""
    return frame.withColumn(_FE_ORDER, F.monotonically_increasing_id())


def fe_reorder(frame, keys):
    """Sorts `frame` by `keys` (then by its current order) and makes that the row order."""
    return frame.orderBy(*keys, F.col(_FE_ORDER)).withColumn(_FE_ORDER, F.monotonically_increasing_id())


def fe_result(frame, columns):
    """The frame in Polars' row order with exactly the Polars columns."""
    return frame.orderBy(F.col(_FE_ORDER)).select(*[fe_col(c) for c in columns])


def fe_floor(x):
    """Polars floor on floats stays a float (Spark's floor gives a long); NaN and inf stay."""
    x = x.cast("double")
    return F.when(F.isnan(x) | (F.abs(x) >= 2.0**52), x).otherwise(F.floor(x).cast("double"))


def fe_ceil(x):
    x = x.cast("double")
    return F.when(F.isnan(x) | (F.abs(x) >= 2.0**52), x).otherwise(F.ceil(x).cast("double"))


def fe_wrap(x, bits, signed):
    """Integer arithmetic in a width below 64 bits wraps around in Polars (Spark widens)."""
    size = 1 << bits
    if signed:
        half = size >> 1
        return F.pmod(x + half, F.lit(size)) - half
    return F.pmod(x, F.lit(size))


def fe_list_slice(x, offset, length):
    """Polars list.slice(offset, length): 0-based, a negative offset counts from the end, clamped."""
    n = F.size(x)
    if offset >= 0:
        start = F.lit(offset)
        size = F.greatest(n - offset, F.lit(0)) if length is None else F.least(F.lit(length), F.greatest(n - offset, F.lit(0)))
    else:
        start = F.greatest(n + offset, F.lit(0))
        available = n - start
        size = available if length is None else F.least(F.greatest(F.lit(length) + F.least(n + offset, F.lit(0)), F.lit(0)), available)
    return F.when(x.isNotNull(), F.slice(x, (start + 1).cast("int"), size.cast("int")))


def fe_replace_first_regex(x, pattern, value):
    """Polars str.replace(pattern, value) (n=1): the leftmost match only. Spark's regexp_replace
    replaces every match, so the pattern is anchored at the start behind the shortest prefix
    (which finds the leftmost match) and the prefix is put back; `value` has no `$` or `\\`."""
    return F.regexp_replace(x, F.lit("(?U)^([\\s\\S]*?)(?:" + pattern + ")"), F.lit("$1" + value))


def fe_ewm_mean(x, alpha, adjust, min_samples, ignore_nulls, window, dtype="double"):
    """Polars ewm_mean: its recursion (polars-compute's EwmMeanState) run over the values so far
    with Spark's `aggregate`, nulls included, in `dtype` ("float" rounds every step to Float32 as
    Polars computes a Float32 column). Quadratic in the partition's length: each row folds the
    values before it."""
    def t(c):
        return c.cast(dtype)

    values = F.collect_list(F.struct(t(x).alias("v"))).over(window.rowsBetween(Window.unboundedPreceding, Window.currentRow))
    a = t(F.lit(alpha))
    new_weight = t(F.lit(1.0)) if adjust else a
    one = t(F.lit(1.0))
    start = F.struct(t(F.lit(0.0)).alias("m"), t(F.lit(0.0)).alias("w"), F.lit(0).alias("n"))

    def step(acc, e):
        v = e["v"]
        first = (acc["n"] == 0) & v.isNotNull()
        decayed = F.when(v.isNotNull() | F.lit(not ignore_nulls), t(acc["w"] * t(one - a))).otherwise(acc["w"])
        m = t(acc["m"] + t(t(v - acc["m"]) * t(new_weight / t(decayed + new_weight))))
        mean = F.when(first, v).when(v.isNotNull(), m).otherwise(acc["m"])
        weight = F.when(first, one).when(v.isNotNull(), t(decayed + one) if adjust else one).otherwise(decayed)
        count = F.when(v.isNotNull(), acc["n"] + 1).otherwise(acc["n"])
        return F.struct(mean.alias("m"), weight.alias("w"), count.alias("n"))

    state = F.aggregate(values, start, step)
    return F.when(x.isNotNull() & (state["n"] >= max(min_samples, 1)), state["m"])


def fe_ewm_var(x, alpha, adjust, bias, min_samples, ignore_nulls, window, dtype="double", std=False):
    """Polars ewm_var/ewm_std: polars-compute's EwmCovState recursion (x with itself), folded over
    the values so far with Spark's `aggregate` like fe_ewm_mean; `bias=False` rescales by
    sum(w)^2 / (sum(w)^2 - sum(w^2)), null when that is not positive."""
    def t(c):
        return c.cast(dtype)

    values = F.collect_list(F.struct(t(x).alias("v"))).over(window.rowsBetween(Window.unboundedPreceding, Window.currentRow))
    a = t(F.lit(alpha))
    keep = t(F.lit(1.0) - a)
    other = t(F.lit(1.0)) if adjust else a
    one = t(F.lit(1.0))
    zero = t(F.lit(0.0))
    start = F.struct(zero.alias("w"), zero.alias("m"), zero.alias("c"), zero.alias("s"), zero.alias("q"), F.lit(0).alias("n"))

    def step(acc, e):
        v = e["v"]
        first = (acc["n"] == 0) & v.isNotNull()
        decays = v.isNotNull() | F.lit(not ignore_nulls)
        s = F.when(decays, t(acc["s"] * keep)).otherwise(acc["s"])
        q = F.when(decays, t(acc["q"] * t(keep * keep))).otherwise(acc["q"])
        w = F.when(decays, t(acc["w"] * keep)).otherwise(acc["w"])
        new_w = t(w + other)
        frac = t(other / new_w)
        new_m = t(acc["m"] + t(t(v - acc["m"]) * frac))
        d_old = t(acc["m"] - new_m)
        d_new = t(v - new_m)
        c = t(t(t(w * t(acc["c"] + t(d_old * d_old))) + t(t(other * d_new) * d_new)) / new_w)
        s2 = t(s + other)
        q2 = t(q + t(other * other))
        if not adjust:
            s2 = t(s2 / new_w)
            q2 = t(q2 / t(new_w * new_w))
        w2 = new_w if adjust else one

        def pick(on_first, on_value, otherwise):
            return F.when(first, on_first).when(v.isNotNull(), on_value).otherwise(otherwise)

        return F.struct(
            pick(one, w2, w).alias("w"),
            pick(v, new_m, acc["m"]).alias("m"),
            pick(acc["c"], c, acc["c"]).alias("c"),
            pick(one, s2, s).alias("s"),
            pick(one, q2, q).alias("q"),
            F.when(v.isNotNull(), acc["n"] + 1).otherwise(acc["n"]).alias("n"),
        )

    state = F.aggregate(values, start, step)
    if bias:
        var = state["c"]
    else:
        numerator = t(state["s"] * state["s"])
        denominator = t(numerator - state["q"])
        var = F.when(denominator > 0, t(t(numerator / denominator) * state["c"]))
    out = t(F.sqrt(var)) if std else var
    return F.when(x.isNotNull() & (state["n"] >= max(min_samples, 1)), out)


def fe_ewm_mean_by(x, times, half_life, window):
    """Polars ewm_mean_by: rows in time order (then the frame's), each non-null value with a time
    moves the mean by 1 - 0.5 ** (dt / half_life) (polars-ops' ewm_by_core); a row without a
    value or time is null. Folded over the rows so far with Spark's `aggregate`."""
    values = F.collect_list(F.struct(times.alias("t"), x.cast("double").alias("v"))).over(
        window.rowsBetween(Window.unboundedPreceding, Window.currentRow)
    )
    start = F.struct(F.lit(False).alias("started"), F.lit(0).cast("long").alias("t"), F.lit(0.0).alias("r"))

    def step(acc, e):
        seen = e["t"].isNotNull() & e["v"].isNotNull()
        keep = F.pow(F.lit(0.5), (e["t"] - acc["t"]).cast("double") / F.lit(float(half_life)))
        moved = F.when(e["v"] == acc["r"], e["v"]).otherwise(keep * acc["r"] + (F.lit(1.0) - keep) * e["v"])
        result = F.when(~acc["started"], e["v"]).otherwise(moved)
        return F.struct(
            (acc["started"] | seen).alias("started"),
            F.when(seen, e["t"]).otherwise(acc["t"]).alias("t"),
            F.when(seen, result).otherwise(acc["r"]).alias("r"),
        )

    state = F.aggregate(values, start, step)
    return F.when(x.isNotNull() & times.isNotNull(), state["r"])
