# Summaries of repeated timings, and ratios of interleaved (paired) measurements.
# Every figure in the results is a median with its spread (p25–p75 and min–max).

from __future__ import annotations

import statistics


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100), linear between the closest ranks."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    if len(ordered) == 1:
        return ordered[0]
    position = (len(ordered) - 1) * q / 100.0
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary(values: list[float]) -> dict:
    """n, median, p25, p75, p99, min and max of `values`."""
    return {
        "n": len(values),
        "median": statistics.median(values),
        "p25": percentile(values, 25),
        "p75": percentile(values, 75),
        "p99": percentile(values, 99),
        "min": min(values),
        "max": max(values),
    }


def paired_ratio(ours: list[float], theirs: list[float]) -> dict:
    """Summary of ours[i] / theirs[i]: each pair was measured back to back (A B A B …)."""
    if len(ours) != len(theirs):
        raise ValueError("paired lists differ in length")
    return summary([a / b for a, b in zip(ours, theirs)])


def goal(kind: str, value: float, measured: float, unit: str = "x") -> dict:
    """A goal (`kind` "max": measured ≤ value; "min": measured ≥ value) and how far it is met."""
    met = measured <= value if kind == "max" else measured >= value
    # factor > 1 means "by this factor better than needed", < 1 "missed by this factor".
    factor = value / measured if kind == "max" else measured / value
    return {"kind": kind, "value": value, "unit": unit, "measured": measured, "met": met, "factor": factor}
