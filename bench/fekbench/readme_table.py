# Rewrites the "Benchmarks" section of README.md (between <!-- bench:start --> and
# <!-- bench:end -->) from a result JSON; every number in that section comes from the JSON.
#
#   python -m fekbench.readme_table results/latest.json ../README.md

from __future__ import annotations

import json
import sys
from pathlib import Path

START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def seconds(value: float) -> str:
    if value < 1e-3:
        return f"{value * 1e6:.0f} µs"
    if value < 1:
        return f"{value * 1e3:.3g} ms"
    return f"{value:.3g} s"


def mib(value: float) -> str:
    return f"{value / 2**20:.0f} MiB"


def ratio(summary: dict) -> str:
    return f"**{summary['median']:.2f}x** [{summary['p25']:.2f}–{summary['p75']:.2f}]"


def goal_text(goal: dict) -> str:
    sign = "≤" if goal["kind"] == "max" else "≥"
    value = goal["value"]
    shown = {"x": f"{value:g}x", "ms": f"{value:g} ms", "s": f"{value:g} s", "bytes": mib(value)}[goal["unit"]]
    return f"{sign} {shown}"


def met_text(goal: dict) -> str:
    if goal["met"]:
        return "met"
    return f"**missed** ({1 / goal['factor']:.2f}x off)"


def rows_text(rows: int) -> str:
    exponent = len(str(rows)) - 1
    return f"1e{exponent}" if rows == 10**exponent else f"{rows:,}"


def _roundtrip(b: dict, out: list[str]) -> None:
    for key, label in (("status_before_worker", "`%fe status` (worker not started)"),
                       ("status_before_worker_no_history", "`%fe status`, `store_history=False` (no IPython history write)"),
                       ("frames_with_worker", "`%fe frames` (one worker request)")):
        if key not in b:
            continue
        r = b[key]
        fe, ipy = r["fekernel_seconds"], r["ipykernel_seconds"]
        goal = b["goal"] if key == "status_before_worker" else None
        out.append(
            f"| 1 | execute round trip, {label}, {b['iterations']}× | ipykernel `pass` | {ratio(r['ratio'])}; p99 {r['ratio_of_p99']:.2f}x "
            f"| {goal_text(goal) if goal else '—'} | {met_text(goal) if goal else '—'} "
            f"| median {seconds(fe['median'])} vs {seconds(ipy['median'])}; p99 {seconds(fe['p99'])} vs {seconds(ipy['p99'])} |"
        )


def _startup(b: dict, out: list[str]) -> None:
    out.append(
        f"| 2 | launch → kernel_info reply, {b['repeats']}× | ipykernel | {ratio(b['ratio'])} | {goal_text(b['goal'])} | {met_text(b['goal'])} "
        f"| {seconds(b['fekernel_seconds']['median'])} vs {seconds(b['ipykernel_seconds']['median'])} |"
    )


def _pipeline(sizes: dict, out: list[str]) -> None:
    for key, b in sizes.items():
        if not isinstance(b, dict) or "rows" not in b:
            continue
        n, t = rows_text(b["rows"]), b["apply_seconds"]
        eq = b["equality"]
        same = "frames equal" if eq["fekernel_vs_polars"]["equal"] else f"frames DIFFER: {eq['fekernel_vs_polars']['difference']}"
        pandas_same = "pandas equal" if eq["pandas_vs_polars"]["equal"] else f"pandas differs: {eq['pandas_vs_polars']['difference']}"
        shape = eq["checksums"]["fekernel"]
        g = b["goals"]
        out.append(
            f"| 3 | 10-feature pipeline, {n} rows, `%%fe apply` ({b['repeats']}×) | Python Polars, lazy | {ratio(b['ratio_vs_polars_lazy'])} "
            f"| {goal_text(g['vs_polars'])} | {met_text(g['vs_polars'])} | {seconds(t['fekernel']['median'])} vs {seconds(t['polars_lazy']['median'])}; "
            f"{same} ({shape['rows']:,} × {shape['columns']}, checksum {shape['digest']}) |"
        )
        out.append(
            f"| 3 | same, {n} rows | Python Polars, eager | {ratio(b['ratio_vs_polars_eager'])} | — | — | {seconds(t['polars_eager']['median'])} eager |"
        )
        if "ratio_sync_checkpoint_vs_polars_lazy" in b:
            out.append(
                f"| 3 | same, {n} rows, with `%fe config checkpoints=sync` (the reply waits for the checkpoint file, as before this version) "
                f"| Python Polars, lazy | {ratio(b['ratio_sync_checkpoint_vs_polars_lazy'])} | — | — | {seconds(t['fekernel_sync_checkpoint']['median'])} |"
            )
        out.append(
            f"| 3 | same, {n} rows | Python Polars, lazy, + write the result as Arrow IPC and fsync (what an apply's checkpoint costs) "
            f"| {ratio(b['ratio_vs_polars_lazy_checkpoint'])} | — | — | {seconds(t['polars_lazy_checkpoint']['median'])} |"
        )
        if "ratio_until_durable_vs_polars_lazy_checkpoint" in b:
            out.append(
                f"| 3 | same, {n} rows: until the checkpoint is on disk (after the reply) | Python Polars, lazy, + Arrow IPC and fsync "
                f"| {ratio(b['ratio_until_durable_vs_polars_lazy_checkpoint'])} | — | — | {seconds(t['fekernel_until_durable']['median'])} |"
            )
        if "engine_phases_seconds" in b:
            ph = b["engine_phases_seconds"]
            engine_goal = g.get("engine_vs_polars")
            out.append(
                f"| 3 | same, {n} rows: the feature code alone, in-process (fe-lang + Rust Polars, `bench_engine`, warm) | Python Polars, lazy "
                f"| {ratio(b['engine_run_vs_polars_lazy'])} | {goal_text(engine_goal) if engine_goal else '—'} | {met_text(engine_goal) if engine_goal else '—'} "
                f"| apply phases: run {seconds(ph['run_seconds']['median'])}, "
                f"column comparison {seconds(ph['compare_seconds']['median'])}, checkpoint (after the reply) {seconds(ph['checkpoint_seconds']['median'])}"
                + (f" (fsync {seconds(ph['checkpoint_fsync_seconds']['median'])})" if ph.get("checkpoint_fsync_seconds") else "")
                + " |"
            )
        out.append(
            f"| 3 | same, {n} rows: pandas time ÷ fekernel time | pandas | {ratio(b['pandas_over_fekernel'])} faster "
            f"| {goal_text(g['vs_pandas'])} | {met_text(g['vs_pandas'])} | pandas {seconds(t['pandas']['median'])}; {pandas_same} |"
        )
        if "pandas_over_polars_lazy" in b:
            out.append(
                f"| 3 | same, {n} rows: pandas time ÷ Python Polars (lazy) time, the ceiling of that goal | pandas | "
                f"{ratio(b['pandas_over_polars_lazy'])} | — | — | |"
            )
        load = b["load"]
        load_goal = g.get("load_vs_polars")
        durable = load.get("fekernel_until_durable_seconds")
        out.append(
            f"| 3 | load Parquet, {n} rows (`%fe load`, not in the apply figure) | `pl.read_parquet` | {ratio(load['ratio_vs_polars'])} "
            f"| {goal_text(load_goal) if load_goal else '—'} | {met_text(load_goal) if load_goal else '—'} "
            f"| {seconds(load['fekernel_seconds']['median'])} vs {seconds(load['polars_seconds']['median'])}; pandas {seconds(load['pandas_seconds']['median'])}"
            + (f"; until its checkpoint is on disk {seconds(durable['median'])}" if durable else "")
            + (f"; the first load in the new worker (not in the ratio; as the apply, each side runs once first) "
               f"{seconds(load['fekernel_first_load_seconds'])}" if "fekernel_first_load_seconds" in load else "")
            + " |"
        )


def _parts(b: dict, out: list[str]) -> None:
    n = rows_text(b["rows"])
    labels = {"join": "the left join alone", "windows": "the three `over` windows alone", "elementwise": "the five element-wise features alone"}
    for name, part in b["parts"].items():
        extra = ""
        if "ratio_vs_left_order" in part:
            extra = (f"; against Python Polars asked for the left order too (`maintain_order=\"left\"`, as fe-lang asks Rust Polars): "
                     f"{ratio(part['ratio_vs_left_order'])}")
        out.append(
            f"| 3 | {labels.get(name, name)}, {n} rows, in-process (`bench_engine`, {b['repeats']}×) | Python Polars, lazy | {ratio(part['ratio'])} "
            f"| — | — | {seconds(part['engine_seconds']['median'])} vs {seconds(part['polars_lazy_seconds']['median'])}{extra} |"
        )


def _knobs(b: dict, out: list[str]) -> None:
    """The bench README's table: each knob alone against the product build, in one run."""
    for key, size in b.items():
        if not key.isdigit():
            continue
        n = rows_text(int(key))
        for variant, measured in size.items():
            if not isinstance(measured, dict) or variant == "polars_lazy_seconds":
                continue
            if variant == "python_in_memory":
                out.append(
                    f"| {n} | peer: Python Polars on its in-memory engine (`collect(engine=\"in-memory\")`; its default `collect()` "
                    f"runs its newer streaming engine, the peer of every other row) | {seconds(measured['seconds']['median'])} "
                    f"| {ratio(measured['ratio_vs_polars_lazy'])} | {ratio(measured['ratio_vs_product'])} |"
                )
                continue
            what = b["variants"][variant]["what"]
            if "skipped" in measured:
                out.append(f"| {n} | {what} | — | — | not built in this run |")
                continue
            out.append(
                f"| {n} | {what} | {seconds(measured['seconds']['median'])} | {ratio(measured['ratio_vs_polars_lazy'])} "
                f"| {ratio(measured['ratio_vs_product'])} |"
            )


def _lang(b: dict, out: list[str]) -> None:
    out.append(
        f"| 4 | check + interpret a {b['lines']}-line cell (median of {b['runs_per_invocation']} runs, {b['invocations']}×) "
        f"| CPython `compile()` of the same text (context) | {ratio(b['ratio_vs_cpython_compile'])} | {goal_text(b['goal'])} | {met_text(b['goal'])} "
        f"| {b['median_ms']['median']:.2f} ms (p90 {b['p90_ms']['median']:.2f} ms) vs {b['cpython_compile_ms']['median']:.2f} ms |"
    )


def _restore(b: dict, out: list[str]) -> None:
    out.append(
        f"| 5 | restore after SIGKILL, {rows_text(b['rows'])} rows × {b['columns']}, through the kernel ({b['through_kernel_seconds']['n']}×) "
        f"| fresh Python + `pl.read_ipc` of the same file | {ratio(b['ratio_through_kernel_vs_peer'])} | {goal_text(b['goal'])} | {met_text(b['goal'])} "
        f"| {seconds(b['through_kernel_seconds']['median'])} vs {seconds(b['peer_fresh_python_read_ipc_seconds']['median'])}; "
        f"worker level (bench_restore) {seconds(b['worker_level_seconds']['median'])} |"
    )


def _prompt(b: dict, out: list[str]) -> None:
    if not b.get("available"):
        out.append(f"| 6 | prompt tokens, {'/'.join(str(w) for w in b.get('widths', []))} columns | — | not available | — | — | `%fe prompt` answered: {b.get('reason', '')} |")
        return
    for frame in b["frames"]:
        tokens = ", ".join(f"{count:,} {name}" for name, count in frame["tokens"].items())
        reported = frame.get("kernel_reported_tokens")
        said = f"; the kernel reports {reported:,}" if reported is not None else ""
        out.append(f"| 6 | prompt tokens (system + user), {frame['columns']:,} columns | — | {tokens} | — | — | {frame['characters']:,} characters{said} |")


def _memory(b: dict, out: list[str]) -> None:
    k, w, i = b["fekernel_kernel_rss_bytes"], b["fekernel_worker_rss_bytes"], b["ipykernel_rss_bytes"]
    out.append(
        f"| 7 | kernel RSS, worker holding {rows_text(b['rows'])} rows | ipykernel holding the frame | **{b['ratio_kernel_vs_ipykernel']:.3f}x** "
        f"| {goal_text(b['goal'])} | {met_text(b['goal'])} | kernel {mib(max(k['after_load'], k['after_apply']))} (idle {mib(k['idle'])}), "
        f"worker {mib(w['after_apply'])}; ipykernel {mib(i['after_apply'])} |"
    )


SECTIONS = [("roundtrip", _roundtrip), ("startup", _startup), ("pipeline", _pipeline), ("pipeline_parts", _parts), ("lang_check", _lang),
            ("restore", _restore), ("prompt_tokens", _prompt), ("kernel_memory", _memory)]


def _missed(result: dict) -> list[str]:
    lines = []

    def visit(name: str, goal: dict) -> None:
        if not goal["met"]:
            lines.append(f"* {name}: measured {_measured(goal)} against a goal of {goal_text(goal)} — missed by {1 / goal['factor']:.2f}x.")

    benches = result["benchmarks"]
    for name, label in (("roundtrip", "round trip"), ("startup", "launch"), ("lang_check", "check + interpret"),
                        ("restore", "restore"), ("kernel_memory", "kernel RSS")):
        if "goal" in benches.get(name, {}):
            visit(label, benches[name]["goal"])
    for b in benches.get("pipeline", {}).values():
        if isinstance(b, dict) and "goals" in b:
            visit(f"pipeline {rows_text(b['rows'])} vs Python Polars", b["goals"]["vs_polars"])
            for key, label in (("engine_vs_polars", "in-process engine"), ("load_vs_polars", "load Parquet")):
                if key in b["goals"]:
                    visit(f"pipeline {rows_text(b['rows'])}, {label} vs Python Polars", b["goals"][key])
            visit(f"pipeline {rows_text(b['rows'])} vs pandas", b["goals"]["vs_pandas"])
    return lines


def _measured(goal: dict) -> str:
    value = goal["measured"]
    return {"x": f"{value:.2f}x", "ms": f"{value:.2f} ms", "s": seconds(value), "bytes": mib(value)}[goal["unit"]]


def _profile(path: Path) -> list[str]:
    if not path.exists():
        return []
    p = json.loads(path.read_text())
    out = ["", f"Profile of the worst miss ({p['what']}; `{p['command']}`, {p['samples']:,} samples, {p['process']}):", ""]
    out.append("| self % | function |")
    out.append("|---|---|")
    for row in p["top"]:
        out.append(f"| {row['percent']:.1f} | `{row['symbol'].strip()}` |")
    if p.get("own_code_inclusive"):
        out += ["", "Time inside fekernel's own functions (inclusive, % of all samples):", "", "| incl. % | function |", "|---|---|"]
        for row in p["own_code_inclusive"]:
            out.append(f"| {row['percent']:.1f} | `{row['symbol'].strip()}` |")
    if p.get("side_by_side"):
        out += _side_by_side(p["side_by_side"])
    return out


def _side_by_side(s: dict) -> list[str]:
    """The in-process engine and Python Polars profiled the same way: CPU time per run by kind of
    code, and the functions with the most CPU time in either."""
    median = lambda values: sorted(values)[len(values) // 2]
    wall = s["wall_seconds"]
    cpu = s["cpu_ms_per_run"]

    def ms_ratio(ours: float, theirs: float) -> str:
        return f"{ours / theirs:.2f}x" if theirs >= 1.0 else "—"

    out = [
        "",
        f"Side by side: {s['what']}; `{s['command']}`. Wall time per run (median) fekernel {seconds(median(wall['fekernel']))}, "
        f"Python Polars {seconds(median(wall['python_polars']))}; CPU time per run (all threads) {cpu['fekernel']:.0f} ms and "
        f"{cpu['python_polars']:.0f} ms.",
        "",
        "| kind of code | fekernel, CPU ms per run | Python Polars, CPU ms per run | ratio |",
        "|---|---|---|---|",
    ]
    for row in s["categories"]:
        out.append(f"| {row['category']} | {row['fekernel_ms']:.0f} | {row['python_polars_ms']:.0f} | "
                   f"{ms_ratio(row['fekernel_ms'], row['python_polars_ms'])} |")
    out += ["", "| function | fekernel, CPU ms per run | Python Polars, CPU ms per run |", "|---|---|---|"]
    for row in s["top"]:
        symbol = row["symbol"].replace("|", "\\|")
        out.append(f"| `{symbol}` | {row['fekernel_ms']:.1f} | {row['python_polars_ms']:.1f} |")
    return out


def render(result: dict, profile: Path) -> str:
    m = result["machine"]
    peers = m["peers"]
    merging = m["git"].get("merging")
    if merging:
        built = f"commit `{m['git']['commit'][:10]}` with `{merging['name']}` (`{merging['commit'][:10]}`) merged in, uncommitted"
    else:
        built = f"commit `{m['git']['commit'][:10]}`{' with local changes' if m['git']['dirty'] else ''}"
    lines = [
        f"Generated by `bench/run` from `bench/results/latest.json` (run started {result['started']}, {built}, "
        f"{result['duration_seconds'] / 60:.0f} min).",
        "",
        f"Machine: {m['cpu_model']}, {m['cores']} cores, {m['ram_bytes'] / 2**30:.0f} GiB RAM, Linux {m['kernel']}, {m['os']}, {m['rustc']}; "
        f"load average {m['load_average_at_start'][0]:.2f} at the start, {result['load_average_at_end'][0]:.2f} at the end. "
        f"Peers: ipykernel {peers['ipykernel']} (IPython {peers['ipython']}), Python Polars {peers['polars']}, pandas {peers['pandas']}, "
        f"NumPy {peers['numpy']}, jupyter_client {peers['jupyter_client']}, Python {m['python']}.",
        "",
        "Each ratio is fekernel ÷ the peer measured in the same run, repeats interleaved (A B A B …): the median of the",
        "per-pair ratios, with p25–p75 in brackets. Absolute times are context only (a shared, noisy machine).",
        "",
        "| # | benchmark | peer | ratio | goal | result | absolute (fekernel vs peer) |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, section in SECTIONS:
        b = result["benchmarks"].get(name)
        if b is None:
            continue
        if "error" in b:
            lines.append(f"| | {name} | — | error | — | — | {b['error'][:300].replace('|', '/')} |")
            continue
        section(b, lines)
    knobs = result["benchmarks"].get("engine_knobs")
    if knobs and "error" not in knobs:
        lines += [
            "",
            "What each speed knob buys: the same feature code in-process (`bench_engine`, warm), in the product's build and with one "
            "knob changed at a time, paired with Python Polars (lazy) in the same run (`engine_knobs.py`):",
            "",
            "| rows | build or option | time | vs Python Polars, lazy | vs the product's build |",
            "|---|---|---|---|---|",
        ]
        _knobs(knobs, lines)
    missed = _missed(result)
    lines += ["", "Goals missed in this run:" if missed else "Every goal was met in this run.", ""] + missed
    lines += _profile(profile)
    return "\n".join(lines)


def main() -> None:
    result_path, readme_path = Path(sys.argv[1]), Path(sys.argv[2])
    result = json.loads(result_path.read_text())
    readme = readme_path.read_text()
    if START not in readme or END not in readme:
        raise SystemExit(f"{readme_path} has no {START} … {END} section")
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    section = render(result, result_path.parent / "profile.json")
    readme_path.write_text(f"{head}{START}\n{section}\n{END}{tail}")
    print(f"rewrote the benchmark section of {readme_path}")


if __name__ == "__main__":
    main()
