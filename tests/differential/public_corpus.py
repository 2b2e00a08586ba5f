# The public corpus's outcome per snippet (equal, wrong answer, refused) and its tally by
# construct: shared by the gate (test_public_corpus.py) and by hand runs on a work folder.
"""Usage: python public_corpus.py [--run] WORK_DIR

WORK_DIR holds `data/`, `expected/`, `actual/` for `public/` and `python/expected/`,
`python/actual/` for `public_python/` (what test_public_corpus.py writes under
DIFF_WORK_DIR/public). With `--run` the data, the oracle's frames (only when missing) and
fe_run's frames are made first (FE_RUN or $CARGO_TARGET_DIR/release/examples/fe_run). Prints
every snippet that is not equal, with its reason, and the tally by construct.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from corpus_files import Snippet, load_corpus
from frame_compare import assert_same_frame, comparable_pair, describe_difference

HERE = Path(__file__).resolve().parent
PUBLIC_DIR = HERE / "public"
PYTHON_TWINS_DIR = HERE / "public_python"
KNOWN_REFUSALS = PUBLIC_DIR / "known_refusals.txt"
# The share of the public corpus that must give Python's frame: the floor measured when the gate
# was last raised (287 of 294, 97.6%), so a regression fails; the target was 97%
# (TARGET_EQUAL_SHARE), printed beside the result. Raise the floor with each snippet that passes.
REQUIRED_EQUAL_SHARE = 0.975
TARGET_EQUAL_SHARE = 0.97

EQUAL, WRONG, REFUSED, ORACLE_FAILED = "equal", "wrong", "refused", "fails in Python"

# Families of `# construct:` tags for the short table (a snippet counts once per family it
# touches); tags not listed here appear only in the full per-tag table.
FAMILIES: dict[str, tuple[str, ...]] = {
    "frame methods (with_columns, select, filter, sort, head …)": (
        "with_columns", "select", "filter", "sort", "head", "tail", "limit", "drop", "rename",
        "with_row_index", "drop_nulls", "sample", "gather_every", "clone", "describe", "transpose",
    ),
    "over windows (incl. mapping_strategy, order_by)": ("over", "mapping_strategy", "order_by"),
    "when/then/otherwise": ("when_then", "when_then_chain", "otherwise_none"),
    "str namespace": (
        "str", "split_exact", "splitn", "split", "contains_any", "to_titlecase", "strptime",
        "extract", "extract_all", "extract_groups", "json_path_match", "replace_all",
        "replace_many", "count_matches", "zfill", "pad_start", "pad_end", "strip_chars", "find",
        "len_chars", "to_date", "to_datetime", "to_time", "to_integer", "concat_str", "str_join",
    ),
    "dt namespace, durations, time zones": (
        "dt", "time_zone", "duration", "combine", "offset_by", "truncate", "total_days",
        "month_start", "month_end", "business_day_count", "add_business_days", "strftime",
    ),
    "rolling (rolling_*, Expr.rolling, DataFrame.rolling)": (
        "rolling", "expr_rolling", "frame_rolling", "rolling_by", "index_column", "period", "window_size",
        "center", "min_samples",
    ),
    "group_by_dynamic": ("group_by_dynamic", "start_by", "every", "include_boundaries", "label"),
    "upsample": ("upsample",),
    "join_asof": ("join_asof", "tolerance", "nearest"),
    "date_range / datetime_range / int_range(s)": (
        "date_range", "datetime_range", "date_ranges", "int_range", "int_ranges", "range", "eager",
    ),
    "shift / diff / cum_* / cumulative_eval / ewm": (
        "shift", "diff", "pct_change", "cum_sum", "cum_count", "cum_max", "cum_min", "cum_prod",
        "cumulative_eval", "ewm", "ewm_mean_by",
    ),
    "list namespace (incl. concat_list, arrays)": (
        "list", "concat_list", "list_eval", "list_agg", "list_append", "list_concat", "gather",
        "arr", "to_array", "set_operations", "implode", "explode",
    ),
    "struct / unnest / JSON": (
        "struct", "unnest", "struct_field", "rename_fields", "json_decode", "json_encode",
        "with_fields", "field", "fields", "to_struct", "struct_kwargs",
    ),
    "group_by().agg()": ("group_by", "agg", "maintain_order", "filter_in_agg", "agg_all"),
    "value_counts / unique / unique_counts / rle": (
        "value_counts", "unique", "unique_counts", "rle", "rle_id", "series_value_counts",
        "is_first_distinct", "is_last_distinct", "is_unique", "is_duplicated",
    ),
    "joins (equi, cross, semi/anti, non-equi)": (
        "join", "cross", "semi", "anti", "join_where", "non_equi_join", "join_expression_key", "validate",
    ),
    "pivot / unpivot / concat / stack": (
        "pivot", "unpivot", "concat", "diagonal", "horizontal", "vertical", "vstack", "hstack", "extend",
    ),
    "fold / reduce / cum_fold / *_horizontal": (
        "fold", "reduce", "cum_fold", "all_horizontal", "any_horizontal", "max_horizontal",
        "sum_horizontal", "horizontal", "string_fold",
    ),
    "selectors / dtypes / regex columns / name.*": (
        "selectors", "as_expr", "col_dtype", "col_regex", "name", "exclude", "dtype", "series_dtype",
        "collect_schema",
    ),
    "statistics (rank, entropy, corr/cov, dot, quantile, arg_*)": (
        "rank", "entropy", "corr", "cov", "dot", "quantile", "arg_sort", "arg_min", "arg_max",
        "std", "var", "median", "spearman", "top_k", "top_k_by", "bottom_k_by", "search_sorted",
    ),
    "lazy frames": ("lazy", "collect"),
    "set_sorted": ("set_sorted",),
    "Python: def / class / lambda": ("def", "class", "lambda", "staticmethod", "nested_def", "init"),
    "Python: loops, comprehensions, generators": (
        "loop", "comprehension", "generator", "dict_comprehension", "nested_comprehension",
        "nested_loops", "comprehension_filter", "unpacked_comprehensions",
    ),
    "Python: raise / isinstance / if chains": ("raise", "isinstance", "if_chain"),
    "Python: getattr, *args/**kwargs": ("getattr", "args", "kwargs", "starred_call", "frame_method_by_name"),
    "Python: itertools / zip / enumerate / sorted": (
        "itertools", "combinations", "product", "zip", "zip_strict", "enumerate", "chain", "sorted",
    ),
    "numpy / math / operator": ("numpy", "math", "operator", "iinfo", "finfo", "ufunc_on_expr", "cos", "sin", "sqrt"),
    "frame values in cells (row, item, get_columns, Series)": (
        "row", "item", "get_columns", "frame_item", "frame_value", "frame_values", "series",
        "frame_indexing", "series_indexing", "to_list", "frame_series_mean", "series_min_max",
    ),
    "cast / fill_null / fill_nan / interpolate": (
        "cast", "fill_null", "fill_nan", "interpolate", "interpolate_by", "forward_fill",
        "backward_fill", "strategy", "frame_fill_nan", "shrink_dtype",
    ),
    "cut / qcut / replace / hash / reinterpret": (
        "cut", "qcut", "replace_strict", "replace", "hash", "reinterpret", "default_none", "seed",
    ),
    "pipe": ("pipe", "expr_pipe"),
}


@dataclass(frozen=True)
class Outcome:
    snippet: Snippet
    kind: str  # EQUAL, WRONG, REFUSED or ORACLE_FAILED
    reason: str = ""

    @property
    def tags(self) -> tuple[str, ...]:
        return construct_tags(self.snippet.source)


def construct_tags(source: str) -> tuple[str, ...]:
    """The `# construct:` tags of a snippet's header."""
    for line in source.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        body = stripped.lstrip("#").strip()
        if body.startswith("construct:"):
            return tuple(t.strip() for t in body.split(":", 1)[1].split(",") if t.strip())
    return ()


def load_known_refusals(path: Path = KNOWN_REFUSALS) -> dict[str, str]:
    """`snippet_id  reason` per line; `#` starts a comment."""
    known = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                snippet_id, _, reason = line.partition(" ")
                known[snippet_id] = reason.strip()
    return known


def refusal_reason(record: dict) -> str:
    diagnostics = record.get("diagnostics") or []
    if diagnostics:
        d = diagnostics[0]
        return f"{record['stage']} {d['code']} {d['line']}:{d['column']}: {d['message']}"
    first = next((line for line in str(record.get("error", "")).splitlines() if line.strip()), "")
    return f"{record.get('stage', '?')}: {first}"


def classify(snippet: Snippet, expected_dir: Path, actual_dir: Path) -> Outcome:
    oracle_error = expected_dir / f"{snippet.id}.error.json"
    if oracle_error.exists():
        return Outcome(snippet, ORACLE_FAILED, json.loads(oracle_error.read_text())["error"])
    actual_error = actual_dir / f"{snippet.id}.error.json"
    actual_path = actual_dir / f"{snippet.id}.arrow"
    if actual_error.exists() or not actual_path.exists():
        record = json.loads(actual_error.read_text()) if actual_error.exists() else {"stage": "missing", "error": "no output"}
        return Outcome(snippet, REFUSED, refusal_reason(record))
    expected = pl.read_ipc(expected_dir / f"{snippet.id}.arrow")
    actual = pl.read_ipc(actual_path)
    expected, actual = comparable_pair(expected, actual, snippet.order_any)
    try:
        assert_same_frame(expected, actual)
    except AssertionError as exc:
        detail = describe_difference(expected, actual) or str(exc).splitlines()[0]
        return Outcome(snippet, WRONG, detail)
    return Outcome(snippet, EQUAL)


def classify_all(corpus_dir: Path, expected_dir: Path, actual_dir: Path) -> list[Outcome]:
    return [classify(s, expected_dir, actual_dir) for s in load_corpus(corpus_dir)]


def counts(outcomes: list[Outcome]) -> dict[str, int]:
    total = defaultdict(int)
    for o in outcomes:
        total[o.kind] += 1
    return {"snippets": len(outcomes), "accepted": total[EQUAL] + total[WRONG], "equal": total[EQUAL],
            "wrong": total[WRONG], "refused": total[REFUSED], "fails in Python": total[ORACLE_FAILED]}


def _row(label: str, group: list[Outcome]) -> str:
    c = counts(group)
    return f"| {label} | {c['snippets']} | {c['accepted']} | {c['equal']} | {c['refused']} |"


def tally_markdown(outcomes: list[Outcome]) -> str:
    """The result by construct family (short) and by tag (full), as Markdown tables."""
    c = counts(outcomes)
    share = c["equal"] / c["snippets"] if c["snippets"] else 0.0
    lines = [
        f"Public corpus: {c['equal']} of {c['snippets']} equal to Python Polars 2.1 ({share:.1%}), "
        f"{c['accepted']} accepted, {c['refused']} refused, {c['wrong']} wrong answers.",
        "",
        "| construct family | snippets | accepted | equal | refused |",
        "|---|---:|---:|---:|---:|",
    ]
    for family, tags in FAMILIES.items():
        group = [o for o in outcomes if set(o.tags) & set(tags)]
        if group:
            lines.append(_row(family, group))
    lines += ["", "| tag | snippets | accepted | equal | refused |", "|---|---:|---:|---:|---:|"]
    by_tag: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        for tag in o.tags:
            by_tag[tag].append(o)
    for tag in sorted(by_tag, key=lambda t: (-len(by_tag[t]), t)):
        lines.append(_row(f"`{tag}`", by_tag[tag]))
    return "\n".join(lines) + "\n"


def not_equal_markdown(outcomes: list[Outcome]) -> str:
    """Every snippet that is not equal, with its reason, wrong answers first."""
    lines = []
    for kind in (WRONG, ORACLE_FAILED, REFUSED):
        group = [o for o in outcomes if o.kind == kind]
        if group:
            lines.append(f"## {kind} ({len(group)})\n")
            lines += [f"- `{o.snippet.id}` [{', '.join(o.tags)}]: {o.reason}" for o in group]
            lines.append("")
    return "\n".join(lines)


def runner_path() -> Path:
    if os.environ.get("FE_RUN"):
        return Path(os.environ["FE_RUN"])
    target = Path(os.environ.get("CARGO_TARGET_DIR", HERE.parent.parent / "target"))
    return target / "release" / "examples" / "fe_run"


def run_corpus(corpus_dir: Path, data: Path, expected: Path, actual: Path, runner: Path, *, oracle: bool = True) -> None:
    """The oracle's frames (Python Polars) and fe_run's frames for every snippet of a corpus."""
    for folder in (expected, actual):
        folder.mkdir(parents=True, exist_ok=True)
    if oracle:
        # Non-zero when a snippet fails in Python; classify() reports each such snippet.
        subprocess.run([sys.executable, str(HERE / "oracle.py"), str(data), str(expected), "--corpus", str(corpus_dir)], check=False)
    for stale in actual.iterdir():
        stale.unlink()
    manifest = [
        {"id": s.id, "source": str(s.path), "target": s.target, "data": str(data),
         "output": str(actual / f"{s.id}.arrow"), "error_output": str(actual / f"{s.id}.error.json")}
        for s in load_corpus(corpus_dir)
    ]
    manifest_path = actual.parent / f"manifest-{corpus_dir.name}.json"
    manifest_path.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    subprocess.run([str(runner), str(manifest_path)], check=True, stdout=subprocess.DEVNULL)


def prepare(work: Path, runner: Path, *, reuse_oracle: bool = False) -> None:
    """Data, oracle and fe_run frames for `public/` and `public_python/` under `work`."""
    data = work / "data"
    fresh = not (data / "transactions.parquet").exists()
    if fresh:
        data.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(HERE / "make_data.py"), str(data)], check=True, stdout=subprocess.DEVNULL)
    oracle = fresh or not reuse_oracle
    run_corpus(PUBLIC_DIR, data, work / "expected", work / "actual", runner, oracle=oracle)
    run_corpus(PYTHON_TWINS_DIR, data, work / "python" / "expected", work / "python" / "actual", runner, oracle=oracle)


def main(argv: list[str]) -> int:
    args = [a for a in argv[1:] if a != "--run"]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    work = Path(args[0])
    if "--run" in argv:
        prepare(work, runner_path(), reuse_oracle=True)
    outcomes = classify_all(PUBLIC_DIR, work / "expected", work / "actual")
    print(not_equal_markdown(outcomes))
    twins = classify_all(PYTHON_TWINS_DIR, work / "python" / "expected", work / "python" / "actual")
    accepted_twins = [o.snippet.id for o in twins if o.kind in (EQUAL, WRONG)]
    print(f"public_python twins accepted: {accepted_twins or 'none'}\n")
    print(tally_markdown(outcomes))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
