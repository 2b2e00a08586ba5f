# Counts what happened to each corpus snippet on Spark (exported and equal, refused and why) and
# writes the share the README states; conftest prints it at the end of the run.
from __future__ import annotations

import collections
import json
import os
from pathlib import Path

TALLY: dict = {"corpus": 0}
OUTCOMES: dict[str, str] = {}
REFUSED_BY: collections.Counter = collections.Counter()
SECONDS: list[float] = []


def record(snippet_id: str, outcome: str, construct: str = "", seconds: float | None = None) -> None:
    OUTCOMES[snippet_id] = outcome
    if outcome == "refused":
        REFUSED_BY[construct] += 1
    if seconds is not None:
        SECONDS.append(seconds)


def summary() -> dict:
    counts = collections.Counter(OUTCOMES.values())
    total = TALLY["corpus"]
    exported = counts["equal"] + counts["different"] + counts["failed on Spark"]
    return {
        "corpus": total,
        "seen": len(OUTCOMES),
        "exported": exported,
        "equal_on_spark": counts["equal"],
        "different": counts["different"],
        "failed_on_spark": counts["failed on Spark"],
        "refused": counts["refused"],
        "oracle_failed": counts["oracle failed"],
        "exported_share": round(exported / total, 4) if total else 0.0,
        "equal_share": round(counts["equal"] / total, 4) if total else 0.0,
        "refused_by": dict(REFUSED_BY.most_common()),
        "spark_seconds_total": round(sum(SECONDS), 1),
        "export_seconds": round(TALLY.get("export_seconds", 0.0), 2),
    }


def write(path: Path) -> dict:
    result = summary()
    path.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return result
