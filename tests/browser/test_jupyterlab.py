# The browser test in JupyterLab: the fekernel kernelspec, driven in Debian's chromium by run_lab.mjs
# (Playwright); then the notebook JupyterLab saved is checked from disk.

from __future__ import annotations

from browser_run import assert_run_passed, check_saved_notebook, print_summary, run_in_browser

NOTEBOOK = "quickstart.ipynb"


def test_quickstart_suggest_and_approve_in_jupyterlab(tmp_path, capsys):
    run = run_in_browser("lab", "run_lab.mjs", NOTEBOOK, tmp_path, "jupyterlab")
    with capsys.disabled():
        print_summary(run, "JupyterLab browser test")
    assert_run_passed(run, ["01-notebook-open", "02-suggest-review", "03-apply-summary", "04-show-table"])
    nb = check_saved_notebook(run, NOTEBOOK)
    evaluate = [c for c in nb.cells if c.source.startswith("%fe evaluate")]
    names = [step["name"] for step in run.report["steps"]]
    assert ("05-evaluate-plot" in names) == bool(evaluate), names
