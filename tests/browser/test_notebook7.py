# The browser test in Notebook 7: Run All Cells, the rendered outputs, the inserted apply cell and a
# toolbar interrupt, driven in Debian's chromium by run_notebook7.mjs (Playwright); then the
# notebook Notebook saved is checked from disk.

from __future__ import annotations

from browser_run import assert_run_passed, check_saved_notebook, print_summary, run_in_browser

NOTEBOOK = "quickstart.ipynb"
# Seconds from the toolbar click to the interrupted cell's prompt: the kernel itself answers in
# well under 2 s (tests/python/test_frames.py); VS Code gives up after 10 s, a user sooner.
INTERRUPT_LIMIT = 5


def test_quickstart_run_all_suggest_and_interrupt_in_notebook7(tmp_path, capsys):
    run = run_in_browser("notebook", "run_notebook7.mjs", NOTEBOOK, tmp_path, "notebook7")
    with capsys.disabled():
        print_summary(run, "Notebook 7 browser test")
        print(f"  Run All Cells {run.report.get('runAllSeconds')} s, interrupt {run.report.get('interruptSeconds')} s")
    assert_run_passed(run, ["01-notebook-open", "02-refusal", "03-show-table", "04-evaluate-svg", "05-suggest-review",
                            "06-apply-summary", "07-interrupted", "08-saved"])
    assert run.report["interruptSeconds"] < INTERRUPT_LIMIT, run.report["interruptSeconds"]

    nb = check_saved_notebook(run, NOTEBOOK, appended=2)
    slow, frames = nb.cells[-2:]
    assert slow.source.startswith("%%fe apply tx\n") and "how='cross'" in slow.source
    errors = [o for o in slow.outputs if o.output_type == "error"]
    assert [e.ename for e in errors] == ["Interrupted"], slow.outputs
    assert frames.source == "%fe frames" and not any(o.output_type == "error" for o in frames.outputs)
    refusal = next(c for c in nb.cells if "map_elements" in c.source)
    assert [o.ename for o in refusal.outputs if o.output_type == "error"] == ["RejectedCode"]
