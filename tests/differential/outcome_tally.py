# Tally of per-snippet outcomes of the differential tests, shared by the tests and the
# conftest hook that prints the one summary line "N accepted of M, K equal".

from __future__ import annotations

OUTCOMES: dict[str, dict[str, bool]] = {}
CORPUS_SIZE = [0]


def record(snippet_id: str, *, accepted: bool, equal: bool) -> None:
    OUTCOMES[snippet_id] = {"accepted": accepted, "equal": equal}


def summary_line() -> str:
    accepted = sum(o["accepted"] for o in OUTCOMES.values())
    equal = sum(o["equal"] for o in OUTCOMES.values())
    return f"{accepted} accepted of {CORPUS_SIZE[0]}, {equal} equal"
