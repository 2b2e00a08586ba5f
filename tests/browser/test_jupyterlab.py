# The browser test: JupyterLab with the fekernel kernelspec, driven in Debian's chromium by
# run_notebook.mjs (Playwright); then the notebook JupyterLab saved is checked from disk.

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import nbformat

from lab_server import LabServer, kill_processes_mentioning

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
OUT = Path(os.environ.get("FEKERNEL_BROWSER_OUTPUT", REPO / "test-output" / "browser"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
NOTEBOOK = "quickstart.ipynb"
RUN_TIMEOUT = 900  # seconds for the whole browser run; it took about 20 s on the 2-core machine


def nonblank_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def run_browser(lab: LabServer, notebook_file: Path, profile: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, LAB_URL=lab.url, LAB_TOKEN=lab.token, NOTEBOOK=notebook_file.name,
               NOTEBOOK_FILE=str(notebook_file), OUT_DIR=str(OUT), USER_DATA_DIR=str(profile), CHROMIUM=CHROMIUM)
    node = subprocess.Popen(["node", str(HERE / "run_notebook.mjs")], cwd=HERE, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        output, _ = node.communicate(timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(node.pid, signal.SIGTERM)  # Playwright closes its browser on SIGTERM
        try:
            output, _ = node.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(node.pid, signal.SIGKILL)
            output, _ = node.communicate()
        output += f"\n(killed after {RUN_TIMEOUT} s)"
    return subprocess.CompletedProcess(node.args, node.returncode, output)


def test_quickstart_suggest_and_approve_in_jupyterlab(tmp_path, capsys):
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install -y chromium"
    assert (HERE / "node_modules" / "playwright-core").is_dir(), "run `npm ci` in tests/browser"
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    notebooks = tmp_path / "notebooks"
    shutil.copytree(REPO / "notebooks" / "data", notebooks / "data")
    shutil.copy(REPO / "notebooks" / NOTEBOOK, notebooks / NOTEBOOK)
    lab = LabServer(tmp_path / "jupyter", notebooks, OUT / "jupyterlab.log")
    started = time.monotonic()
    try:
        lab.start()
        assert "fekernel" in lab.kernel_specs(), f"the fekernel kernelspec is not installed in {lab.url}"
        run = run_browser(lab, notebooks / NOTEBOOK, tmp_path / "chromium-profile")
    finally:
        lab.stop()
        leftovers = kill_processes_mentioning(f"{tmp_path}/")
    seconds = time.monotonic() - started
    report = json.loads((OUT / "report.json").read_text())
    with capsys.disabled():
        print(f"\nbrowser test: {seconds:.1f} s (browser part {report['seconds']:.1f} s); screenshots:")
        for step in report["steps"]:
            print(f"  {step['screenshot']}  {step['what']}")
    assert run.returncode == 0, run.stdout
    assert report["ok"] and leftovers == [], (report, leftovers)

    names = [step["name"] for step in report["steps"]]
    assert names[:4] == ["01-notebook-open", "02-suggest-review", "03-apply-summary", "04-show-table"], names
    for step in report["steps"]:
        assert Path(step["screenshot"]).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", step

    # What JupyterLab saved: the inserted cell right below the suggestion, run, with its summary.
    nb = nbformat.read(notebooks / NOTEBOOK, as_version=4)
    original = nbformat.read(REPO / "notebooks" / NOTEBOOK, as_version=4)
    assert len(nb.cells) == len(original.cells) + 1
    suggest = next(i for i, c in enumerate(nb.cells) if c.source.startswith("%%fe suggest"))
    inserted = nb.cells[suggest + 1]
    assert inserted.cell_type == "code" and inserted.source.startswith("%%fe apply tx\n# fekernel suggestion: provider=builtin")
    # The editor's innerText doubles empty lines; compare the lines with text.
    assert nonblank_lines(inserted.source) == nonblank_lines(report["insertedCell"])
    html = "".join(o.get("data", {}).get("text/html", "") for o in inserted.outputs)
    assert '<div class="fe-apply">' in html and all(column in html for column in report["newColumns"])

    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code), "a cell did not run"
    for cell in code:
        errors = [o for o in cell.outputs if o.output_type == "error"]
        assert len(errors) == ("raises-exception" in cell.metadata.get("tags", [])), (cell.source, errors)
    evaluate = [c for c in code if c.source.startswith("%fe evaluate")]
    for cell in evaluate:
        assert any("image/svg+xml" in o.get("data", {}) for o in cell.outputs), cell.source
    assert ("05-evaluate-plot" in names) == bool(evaluate), names
