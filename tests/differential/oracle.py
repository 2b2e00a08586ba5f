# The Python side of the differential proof: runs every corpus snippet in real Python Polars.
# Writes the expected frame per snippet as Arrow IPC (or an error record) for the comparison.
"""Python Polars oracle.

Usage: python oracle.py DATA_DIR OUT_DIR [--check] [--corpus DIR] [ID ...]

For each snippet, every Parquet file of DATA_DIR is read eagerly as a DataFrame named by its
file stem, `df` is bound to the snippet's target frame, the snippet runs, and whatever `df`
is bound to afterwards is written to OUT_DIR/<id>.arrow. A snippet that raises (or leaves
something other than a frame in `df`) gets OUT_DIR/<id>.error.json instead.

`exec` is used here and only here: this is the test oracle, running our own trusted corpus
through real Python to get the reference result. The product never executes code.

--check (for corpus authors) runs each snippet three times and reports snippets that warn,
fail, give an empty frame or one with Object columns, or give different frames on different
runs (an order that Python does not define). A snippet marked `# order: any` is compared
after sorting its rows by all columns: its rows must be the same set on every run.

--corpus DIR reads the snippets from DIR instead of corpus/ (or $FE_CORPUS_DIR), e.g.
`--corpus public` for the corpus of public Polars code.
"""

from __future__ import annotations

import json
import sys
import traceback
import warnings
from pathlib import Path

import polars as pl
from polars.testing import assert_frame_equal

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_files import Snippet, load_corpus  # noqa: E402

# Eager frames run on the in-memory engine; make `.lazy()...collect()` inside a snippet do the
# same, so row order is the one the in-memory engine defines.
pl.Config.set_engine_affinity("in-memory")


# Warnings that do not make a snippet unfit: `cut`/`qcut` are deprecated in Python Polars 2.x
# but still accepted (and LLMs write them); `join_asof(by=...)` cannot verify sortedness; numpy
# ufuncs on expressions compute (and then discard) values in null slots.
EXPECTED_WARNINGS = (
    "`cut` is deprecated; use `bin_intervals` instead",
    "`qcut` is deprecated; use `bin_quantiles` or `bin_ranks` instead",
    "Sortedness of columns cannot be checked when 'by' groups provided",
    "RuntimeWarning: divide by zero encountered in",
)


def load_frames(data_dir: Path) -> dict[str, pl.DataFrame]:
    return {p.stem: pl.read_parquet(p) for p in sorted(data_dir.glob("*.parquet"))}


def run_snippet(snippet: Snippet, frames: dict[str, pl.DataFrame]) -> tuple[pl.DataFrame, list[str]]:
    """Run one snippet as Python would; return the frame bound to `df` and any warnings."""
    namespace: dict[str, object] = dict(frames)
    namespace["df"] = frames[snippet.target]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        code = compile(snippet.source, str(snippet.path), "exec")
        exec(code, namespace)  # noqa: S102 - the trusted test corpus, in the test oracle only
    result = namespace["df"]
    if isinstance(result, pl.LazyFrame):
        result = result.collect(engine="in-memory")
    if not isinstance(result, pl.DataFrame):
        raise TypeError(f"`df` is bound to {type(result).__name__}, not a frame, after the cell")
    return result, [f"{w.category.__name__}: {w.message}" for w in caught]


def write_expected(snippet: Snippet, frames: dict[str, pl.DataFrame], out_dir: Path) -> bool:
    arrow_path = out_dir / f"{snippet.id}.arrow"
    error_path = out_dir / f"{snippet.id}.error.json"
    for stale in (arrow_path, error_path):
        stale.unlink(missing_ok=True)
    try:
        frame, _warnings = run_snippet(snippet, frames)
    except BaseException as exc:  # noqa: BLE001 - a Rust panic in Polars is a BaseException
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        record = {"id": snippet.id, "error": f"{type(exc).__name__}: {exc}", "traceback": traceback.format_exc()}
        error_path.write_text(json.dumps(record, indent=1), encoding="utf-8")
        return False
    frame.write_ipc(arrow_path)
    return True


def sorted_rows(frame: pl.DataFrame) -> pl.DataFrame:
    """The rows of `frame` in one canonical order (for results marked `# order: any`)."""
    if frame.width == 0:
        return frame
    try:
        return frame.sort(frame.columns, nulls_last=True, maintain_order=True)
    except pl.exceptions.PolarsError:
        # A column that cannot be a sort key: sort by the text of every value instead.
        def as_text(series: pl.Series) -> pl.Series:
            return pl.Series([repr(v) for v in series.to_list()], dtype=pl.String)

        keys = [pl.col(c).map_batches(as_text, return_dtype=pl.String) for c in frame.columns]
        return frame.sort(keys, nulls_last=True, maintain_order=True)


def check_snippet(snippet: Snippet, frames: dict[str, pl.DataFrame]) -> list[str]:
    """Problems that make a snippet unfit for the corpus (empty when it is fit)."""
    try:
        first, caught = run_snippet(snippet, frames)
        problems = [f"warns: {w}" for w in caught if not any(e in w for e in EXPECTED_WARNINGS)]
        if snippet.order_any:
            first = sorted_rows(first)
        for _ in range(2):
            again, _ = run_snippet(snippet, frames)
            if snippet.order_any:
                again = sorted_rows(again)
            assert_frame_equal(first, again, categorical_as_str=True)
    except AssertionError as exc:
        return [f"not deterministic: {str(exc).splitlines()[0]}"]
    except BaseException as exc:  # noqa: BLE001 - a Rust panic in Polars is a BaseException
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        return [f"raises {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"]
    if first.height == 0:
        problems.append("empty result")
    objects = [c for c, dt in first.schema.items() if dt == pl.Object]
    if objects:
        problems.append(f"Object columns in the result: {objects}")
    return problems


def split_corpus_option(argv: list[str]) -> tuple[list[str], Path | None]:
    """Take `--corpus DIR` (or `--corpus=DIR`) out of the arguments."""
    rest, corpus_dir, i = [], None, 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--corpus" and i + 1 < len(argv):
            corpus_dir, i = Path(argv[i + 1]), i + 2
            continue
        if arg.startswith("--corpus="):
            corpus_dir = Path(arg.split("=", 1)[1])
        else:
            rest.append(arg)
        i += 1
    return rest, corpus_dir


def main(argv: list[str]) -> int:
    argv, corpus_dir = split_corpus_option(argv)
    args = [a for a in argv[1:] if not a.startswith("--")]
    check = "--check" in argv
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    data_dir, out_dir, wanted = Path(args[0]), Path(args[1]), set(args[2:])
    out_dir.mkdir(parents=True, exist_ok=True)
    frames = load_frames(data_dir)
    snippets = [s for s in load_corpus(corpus_dir) if not wanted or s.id in wanted]
    failures = 0
    for snippet in snippets:
        if check:
            problems = check_snippet(snippet, frames)
            for problem in problems:
                print(f"{snippet.id}: {problem}")
            failures += bool(problems)
        else:
            failures += not write_expected(snippet, frames, out_dir)
    verb = "unfit" if check else "failed in Python"
    print(f"oracle: {len(snippets) - failures} of {len(snippets)} ok, {failures} {verb}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
