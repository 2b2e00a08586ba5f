# What the browser tests share on the Python side: a copy of an example notebook and its data, a
# Jupyter server (Lab or Notebook 7), one run of a Playwright driver in chromium, and the checks of
# the notebook the page saved that hold in both front ends.

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

from jupyter_app import JupyterApp, kill_processes_mentioning

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
OUTPUT = Path(os.environ.get("FEKERNEL_BROWSER_OUTPUT", REPO / "test-output" / "browser"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
RUN_TIMEOUT = 900  # seconds for one browser run; they took 20-90 s on the 2-core machine


@dataclass
class BrowserRun:
    seconds: float        # server start to server stop
    report: dict          # what the driver saw (report.json)
    output: str           # the driver's console
    returncode: int
    leftovers: list[int]  # processes of this run still alive after the server stopped
    notebook: Path        # the notebook file the page saved


def nonblank_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def run_driver(driver: str, server: JupyterApp, notebook_file: Path, out: Path, profile: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, APP_URL=server.url, APP_TOKEN=server.token, NOTEBOOK=notebook_file.name,
               NOTEBOOK_FILE=str(notebook_file), OUT_DIR=str(out), USER_DATA_DIR=str(profile), CHROMIUM=CHROMIUM)
    node = subprocess.Popen(["node", str(HERE / driver)], cwd=HERE, env=env, text=True,
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


def run_in_browser(app: str, driver: str, notebook: str, tmp_path: Path, out_name: str) -> BrowserRun:
    """Serves a copy of notebooks/`notebook` (with its data) with `app` and runs `driver` on it."""
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install -y chromium"
    assert (HERE / "node_modules" / "playwright-core").is_dir(), "run `npm ci` in tests/browser"
    out = OUTPUT / out_name
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    notebooks = tmp_path / "notebooks"
    shutil.copytree(REPO / "notebooks" / "data", notebooks / "data")
    shutil.copy(REPO / "notebooks" / notebook, notebooks / notebook)
    server = JupyterApp(app, tmp_path / "jupyter", notebooks, out / f"{app}.log")
    started = time.monotonic()
    try:
        server.start()
        assert "fekernel" in server.kernel_specs(), f"the fekernel kernelspec is not installed in {server.url}"
        run = run_driver(driver, server, notebooks / notebook, out, tmp_path / "chromium-profile")
    finally:
        server.stop()
        leftovers = kill_processes_mentioning(f"{tmp_path}/")
    report = json.loads((out / "report.json").read_text())
    return BrowserRun(time.monotonic() - started, report, run.stdout, run.returncode, leftovers, notebooks / notebook)


def print_summary(run: BrowserRun, name: str):
    print(f"\n{name}: {run.seconds:.1f} s (browser part {run.report['seconds']:.1f} s); screenshots:")
    for step in run.report["steps"]:
        print(f"  {step['screenshot']}  {step['what']}")


def assert_run_passed(run: BrowserRun, first_steps: list[str]):
    assert run.returncode == 0, run.output
    assert run.report["ok"] and run.leftovers == [], (run.report, run.leftovers)
    names = [step["name"] for step in run.report["steps"]]
    assert names[: len(first_steps)] == first_steps, names
    for step in run.report["steps"]:
        assert Path(step["screenshot"]).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", step


def check_saved_notebook(run: BrowserRun, original_name: str, appended: int = 0) -> nbformat.NotebookNode:
    """The notebook the page saved: the file's cells plus the inserted `%%fe apply` cell right below
    the suggestion (run, with its summary) and `appended` cells at the end; every cell of the file
    ran, and showed an error exactly when it is tagged raises-exception."""
    nb = nbformat.read(run.notebook, as_version=4)
    original = nbformat.read(REPO / "notebooks" / original_name, as_version=4)
    assert len(nb.cells) == len(original.cells) + 1 + appended
    suggest = next(i for i, c in enumerate(nb.cells) if c.source.startswith("%%fe suggest"))
    inserted = nb.cells[suggest + 1]
    assert inserted.cell_type == "code" and inserted.source.startswith("%%fe apply tx\n# fekernel suggestion: provider=builtin")
    # The editor's innerText doubles empty lines; compare the lines with text.
    assert nonblank_lines(inserted.source) == nonblank_lines(run.report["insertedCell"])
    html = "".join(o.get("data", {}).get("text/html", "") for o in inserted.outputs)
    assert '<div class="fe-apply">' in html and all(column in html for column in run.report["newColumns"])

    from_file = [c for i, c in enumerate(nb.cells[: len(nb.cells) - appended]) if i != suggest + 1]
    for cell, source in zip(from_file, original.cells):
        assert cell.source == source.source
    code = [c for c in from_file if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code), "a cell did not run"
    for cell in code:
        errors = [o for o in cell.outputs if o.output_type == "error"]
        assert len(errors) == ("raises-exception" in cell.metadata.get("tags", [])), (cell.source, errors)
    for cell in (c for c in code if c.source.startswith("%fe evaluate")):
        assert any("image/svg+xml" in o.get("data", {}) for o in cell.outputs), cell.source
    return nb
