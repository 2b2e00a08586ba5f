# The differential proof of the feature language: every corpus snippet runs in Python Polars
# (the oracle) and through fe_lang (the fe_run example); the two frames must be equal.
"""Differential tests: Python Polars 2.1 vs the fekernel feature language.

Environment:
  FE_RUN          path of the built runner (default: $CARGO_TARGET_DIR/release/examples/fe_run)
  DIFF_WORK_DIR   folder for data, expected and actual frames (default: a fresh temp folder)

Each snippet is one test case. A snippet the interpreter refuses fails, unless it is listed
in known_refusals.txt with the reason. Frames are compared with
`polars.testing.assert_frame_equal`: column names and order, dtypes, row order (unless the
snippet says `# order: any`: then both frames are sorted by every column first), values
(floats to 1e-9 relative), Categorical compared as strings.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import polars as pl
import pytest

import outcome_tally
from corpus_files import CORPUS_DIR, DEFAULT_CORPUS_DIR, load_corpus
from frame_compare import assert_same_frame, comparable_pair, describe_difference

HERE = Path(__file__).resolve().parent
SNIPPETS = load_corpus()
outcome_tally.CORPUS_SIZE[0] = len(SNIPPETS)

def known_refusals_path() -> Path:
    """`known_refusals.txt` beside `corpus/` for the default corpus, inside any other corpus folder."""
    return HERE / "known_refusals.txt" if CORPUS_DIR == DEFAULT_CORPUS_DIR else CORPUS_DIR / "known_refusals.txt"


def load_known_refusals(path: Path | None = None) -> dict[str, str]:
    """`snippet_id  reason` per line; `#` starts a comment."""
    path = path or known_refusals_path()
    known = {}
    if not path.exists():
        return known
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            snippet_id, _, reason = line.partition(" ")
            known[snippet_id] = reason.strip()
    return known


KNOWN_REFUSALS = load_known_refusals()


def runner_path() -> Path:
    if os.environ.get("FE_RUN"):
        return Path(os.environ["FE_RUN"])
    target = Path(os.environ.get("CARGO_TARGET_DIR", HERE.parent.parent / "target"))
    return target / "release" / "examples" / "fe_run"


@pytest.fixture(scope="session")
def work_dir() -> Path:
    """Generate the data, run the oracle and the runner once for the whole corpus."""
    root = Path(os.environ.get("DIFF_WORK_DIR") or tempfile.mkdtemp(prefix="fe-differential-"))
    data, expected, actual = root / "data", root / "expected", root / "actual"
    for folder in (data, expected, actual):
        folder.mkdir(parents=True, exist_ok=True)

    subprocess.run([sys.executable, str(HERE / "make_data.py"), str(data)], check=True, stdout=subprocess.DEVNULL)
    # The oracle exits non-zero when a snippet fails in Python; each test reports its own.
    subprocess.run([sys.executable, str(HERE / "oracle.py"), str(data), str(expected)], check=False)

    runner = runner_path()
    if not runner.is_file():
        pytest.fail(
            f"runner not found at {runner}: build it with "
            "`cargo build --release --locked -p fe-lang --example fe_run` (or set FE_RUN)"
        )
    manifest = [
        {
            "id": s.id,
            "source": str(s.path),
            "target": s.target,
            "data": str(data),
            "output": str(actual / f"{s.id}.arrow"),
            "error_output": str(actual / f"{s.id}.error.json"),
        }
        for s in SNIPPETS
    ]
    manifest_path = root / "manifest.json"
    manifest_path.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    subprocess.run([str(runner), str(manifest_path)], check=True)
    return root


def read_error(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[s.id for s in SNIPPETS])
def test_same_frame_as_python(snippet, work_dir: Path) -> None:
    oracle_error = work_dir / "expected" / f"{snippet.id}.error.json"
    if oracle_error.exists():
        outcome_tally.record(snippet.id, accepted=False, equal=False)
        pytest.fail(f"the corpus snippet fails in Python Polars (fix the corpus): {read_error(oracle_error)['error']}")

    actual_error = work_dir / "actual" / f"{snippet.id}.error.json"
    actual_path = work_dir / "actual" / f"{snippet.id}.arrow"
    if actual_error.exists() or not actual_path.exists():
        outcome_tally.record(snippet.id, accepted=False, equal=False)
        if snippet.id in KNOWN_REFUSALS:
            pytest.xfail(f"known refusal: {KNOWN_REFUSALS[snippet.id]}")
        record = read_error(actual_error) if actual_error.exists() else {"stage": "missing", "error": "no output"}
        pytest.fail(f"fe_lang failed ({record['stage']}):\n{record.get('rendered') or record['error']}")

    expected = pl.read_ipc(work_dir / "expected" / f"{snippet.id}.arrow")
    actual = pl.read_ipc(actual_path)
    # `# order: any`: Polars leaves the row order open, so rows are compared as a multiset.
    expected, actual = comparable_pair(expected, actual, snippet.order_any)
    try:
        assert_same_frame(expected, actual)
    except AssertionError as exc:
        outcome_tally.record(snippet.id, accepted=True, equal=False)
        raise AssertionError(f"{describe_difference(expected, actual)}\n{exc}") from None
    outcome_tally.record(snippet.id, accepted=True, equal=True)
    if snippet.id in KNOWN_REFUSALS:
        pytest.fail("fe_lang now accepts this snippet and matches Python: remove it from known_refusals.txt")


def test_order_any_compares_rows_as_a_multiset() -> None:
    """`# order: any` lets rows come in any order; without it rows are compared in order."""
    from corpus_files import parse_order_any

    assert parse_order_any("# frame: tx\n# order: any\ndf = df\n")
    assert not parse_order_any("# frame: tx\ndf = df\n# order: any\n")
    expected = pl.DataFrame({"k": ["a", "b", None], "v": [[1], [2, 3], None]})
    shuffled = expected.reverse()
    assert_same_frame(*comparable_pair(expected, shuffled, True))
    with pytest.raises(AssertionError):
        assert_same_frame(*comparable_pair(expected, shuffled, False))
    with pytest.raises(AssertionError):
        assert_same_frame(*comparable_pair(expected, expected.head(2), True))
