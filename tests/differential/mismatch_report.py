# Lists every corpus snippet whose fe_lang result is not equal to Python's, grouped by cause,
# as Markdown: the worklist for whoever fixes the interpreter.
"""Usage: python mismatch_report.py WORK_DIR  (the DIFF_WORK_DIR of a test run)"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

import polars as pl

from corpus_files import Snippet, load_corpus
from frame_compare import assert_same_frame, comparable_pair, describe_difference


MISMATCH_KINDS = ("columns differ", "column order differs", "dtypes differ", "row count differs", "values differ")


def first_line(text: str) -> str:
    return next((line for line in text.splitlines() if line.strip()), "")


def classify(snippet: Snippet, work: Path) -> tuple[str, str] | None:
    """(group, detail) for a snippet that is not equal; None when it is equal."""
    snippet_id = snippet.id
    oracle_error = work / "expected" / f"{snippet_id}.error.json"
    if oracle_error.exists():
        return "corpus: fails in Python", json.loads(oracle_error.read_text())["error"]
    error = work / "actual" / f"{snippet_id}.error.json"
    if error.exists():
        record = json.loads(error.read_text())
        if record.get("diagnostics"):
            d = record["diagnostics"][0]
            stage = "refused or failed while interpreting" if record["stage"] == "interpret" else "failed while collecting"
            return f"{stage}: {d['code']}", f"{d['line']}:{d['column']} {d['message']}"
        return record["stage"], first_line(record["error"])
    expected = pl.read_ipc(work / "expected" / f"{snippet_id}.arrow")
    actual = pl.read_ipc(work / "actual" / f"{snippet_id}.arrow")
    expected, actual = comparable_pair(expected, actual, snippet.order_any)
    try:
        assert_same_frame(expected, actual)
    except AssertionError:
        detail = describe_difference(expected, actual) or "differs (see pytest output)"
        kind = next((k for k in MISMATCH_KINDS if detail.startswith(k)), "differs")
        return f"mismatch: {kind}", detail
    return None


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    work = Path(argv[1])
    snippets = load_corpus()
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for snippet in snippets:
        outcome = classify(snippet, work)
        if outcome:
            groups[outcome[0]].append((snippet.id, outcome[1]))
    not_equal = sum(len(v) for v in groups.values())
    print(f"# Differential mismatches: {not_equal} of {len(snippets)} snippets not equal\n")
    for group in sorted(groups, key=lambda g: (-len(groups[g]), g)):
        print(f"## {group} ({len(groups[group])})\n")
        for snippet_id, detail in groups[group]:
            print(f"- `{snippet_id}`: {detail}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
