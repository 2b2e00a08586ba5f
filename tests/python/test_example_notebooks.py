# Every notebook in notebooks/ executes offline with nbclient without an error output, is exactly
# what its generator writes, and does what its text promises (keyed cells skipped; real calls made).

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import polars as pl
import pytest
from nbclient import NotebookClient
from polars.testing import assert_frame_equal

from conftest import KERNEL_NAME
from fake_llm import Answer, FakeLLM

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
NAMES = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
# The variables that would make a suggestion leave the machine; removed for the offline runs.
LLM_VARIABLES = ["OPENAI_API_KEY", "ANTHROPIC_API_KEY", "FEKERNEL_PROVIDER", "FEKERNEL_BASE_URL",
                 "FEKERNEL_MODEL", "FEKERNEL_API_KEY_ENV", "FEKERNEL_MODE"]
GOOD_CODE = '```python\ndf = df.with_columns(amount_log=pl.col("amount").log1p())\n```\nA log of the amount.'


def tags(cell) -> list[str]:
    return cell.metadata.get("tags", [])


def outputs_of(cell, kind: str) -> list:
    return [o for o in cell.outputs if o.output_type == kind]


def plain_text(cell) -> str:
    parts = []
    for o in cell.outputs:
        if o.output_type in ("display_data", "execute_result"):
            parts.append(o.data.get("text/plain", ""))
        elif o.output_type == "stream":
            parts.append(o.text)
    return "\n".join(parts)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A copy of notebooks/ (notebooks and data) to run in, and an environment without LLM keys."""
    work = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, work, ignore=shutil.ignore_patterns("output", ".ipynb_checkpoints", "__pycache__"))
    for name in LLM_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    # No suggestion cache: every run asks the builtin provider afresh.
    monkeypatch.setenv("FEKERNEL_CACHE", "off")
    monkeypatch.setenv("FEKERNEL_LLM_CACHE_DIR", str(tmp_path / "llm-cache"))
    return work


def execute(folder: Path, name: str, skip_tag: str = "skip-execution") -> nbformat.NotebookNode:
    nb = nbformat.read(folder / name, as_version=4)
    client = NotebookClient(nb, timeout=600, startup_timeout=60, kernel_name=KERNEL_NAME,
                            skip_cells_with_tag=skip_tag, resources={"metadata": {"path": str(folder)}})
    client.execute()
    return nb


def test_the_example_notebooks_are_all_here():
    assert {"quickstart.ipynb", "fraud-features.ipynb", "with-your-llm.ipynb"} <= set(NAMES), NAMES


@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_offline_without_an_error_output(kernelspec, folder, name):
    nb = execute(folder, name)
    code = [c for c in nb.cells if c.cell_type == "code"]
    for cell in code:
        errors = outputs_of(cell, "error")
        if "skip-execution" in tags(cell):
            assert cell.execution_count is None and cell.outputs == [], cell.source
        elif "raises-exception" in tags(cell):
            assert len(errors) == 1, (cell.source, cell.outputs)
        else:
            assert cell.execution_count is not None, cell.source
            assert errors == [], (cell.source, errors)
    # Offline, every suggestion that ran came from the builtin provider, with its review.
    for cell in code:
        if cell.source.startswith("%%fe suggest") and cell.execution_count is not None:
            assert "Provenance: builtin" in plain_text(cell), (cell.source, plain_text(cell))


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_what_its_generator_writes(tmp_path, name):
    generator = NOTEBOOKS / f"make_{Path(name).stem.replace('-', '_')}.py"
    assert generator.exists(), f"{name} has no generator {generator.name}"
    subprocess.run([sys.executable, str(generator), str(tmp_path)], check=True)
    assert (tmp_path / name).read_bytes() == (NOTEBOOKS / name).read_bytes(), f"run {generator.name} and commit"


def test_fraud_feature_code_gives_the_same_frame_in_python_polars(kernelspec, folder):
    """The approved code is ordinary Python Polars: run it in Python on the same files."""
    nb = execute(folder, "fraud-features.ipynb")
    saved = pl.read_parquet(folder / "output" / "fraud_features.parquet")
    df = pl.read_csv(folder / "data" / "transactions.csv", try_parse_dates=True)
    customers = pl.read_csv(folder / "data" / "customers.csv", try_parse_dates=True)
    applies = [c.source for c in nb.cells if c.cell_type == "code" and c.source.startswith("%%fe apply tx")]
    assert len(applies) == 3
    for source in applies:
        scope = {"pl": pl, "df": df, "customers": customers}
        exec(source.split("\n", 1)[1], scope)  # the test runs it in Python on purpose; the kernel never does
        df = scope["df"]
    assert_frame_equal(saved, df, check_exact=False, rel_tol=1e-9)
    assert {"tx_count_24h", "amount_sum_24h", "account_age_days", "amount_z"} <= set(saved.columns)


@pytest.fixture
def fake():
    server = FakeLLM()
    yield server
    server.close()


def review_provenance(cell) -> str:
    lines = [line for line in plain_text(cell).splitlines() if line.startswith("Provenance:")]
    assert len(lines) == 1, plain_text(cell)
    return lines[0]


def test_with_a_server_set_the_auto_cell_makes_the_real_call(kernelspec, folder, fake, monkeypatch):
    """A user who started Jupyter with FEKERNEL_BASE_URL gets their server's answer, unchanged notebook."""
    monkeypatch.setenv("FEKERNEL_BASE_URL", f"{fake.url}/v1")
    fake.push(Answer(GOOD_CODE))
    nb = execute(folder, "with-your-llm.ipynb")
    assert [r.path for r in fake.received] == ["/v1/chat/completions"]
    suggest = [c for c in nb.cells if c.cell_type == "code" and c.execution_count and c.source.startswith("%%fe suggest")]
    assert len(suggest) == 1
    assert review_provenance(suggest[0]).startswith("Provenance: openai · fake-model-1"), plain_text(suggest[0])
    assert all(outputs_of(c, "error") == [] for c in nb.cells if c.cell_type == "code")


def test_the_keyed_cells_call_openai_anthropic_and_the_local_server(kernelspec, folder, fake, monkeypatch):
    """Every cell run, as by a user with both keys and a local server (the fake answers all three)."""
    path = folder / "with-your-llm.ipynb"
    text = path.read_text()
    assert "http://localhost:11434/v1" in text
    path.write_text(text.replace("http://localhost:11434/v1", f"{fake.url}/v1"))
    monkeypatch.setenv("FEKERNEL_BASE_URL", f"{fake.url}/v1")
    fake.push(*[Answer(GOOD_CODE) for _ in range(4)])
    nb = execute(folder, "with-your-llm.ipynb", skip_tag="no-cell-has-this-tag")
    assert all(outputs_of(c, "error") == [] for c in nb.cells if c.cell_type == "code")
    sent = [(r.path, r.body.get("model")) for r in fake.received]
    assert sent == [
        ("/v1/chat/completions", "gpt-4o-mini"),        # auto: base_url is set
        ("/v1/chat/completions", "gpt-4o-mini"),        # --provider openai
        ("/v1/messages", "claude-sonnet-4-5"),          # --provider anthropic
        ("/v1/chat/completions", "qwen2.5-coder:7b"),   # the local server's config cell
    ], sent
    # Review mode: the four suggestions inserted apply cells but changed nothing by themselves.
    assert "history of `tx` (current: version 2)" in plain_text(nb.cells[-1]), plain_text(nb.cells[-1])
