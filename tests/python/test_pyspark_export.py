# The notebooks' pipelines on Spark: each example notebook runs offline with one more cell,
# `%fe export tx --target pyspark … --check`, which must say the local Spark frame equals the
# kernel's; refusals and a missing pyspark Python are clear errors that change nothing.

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import KERNEL_NAME
from kernel_session import Kernel

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
LLM_VARIABLES = ["OPENAI_API_KEY", "ANTHROPIC_API_KEY", "FEKERNEL_PROVIDER", "FEKERNEL_BASE_URL",
                 "FEKERNEL_MODEL", "FEKERNEL_API_KEY_ENV", "FEKERNEL_MODE"]
NEEDS_SPARK = pytest.mark.skipif(
    not os.environ.get("FEKERNEL_PYSPARK_PYTHON") and not os.environ.get("CI"),
    reason="FEKERNEL_PYSPARK_PYTHON is not set (scripts/test-all sets it; CI must)",
)


def text_of(cell) -> str:
    parts = []
    for o in cell.outputs:
        if o.output_type in ("display_data", "execute_result"):
            parts.append(o.data.get("text/plain", ""))
        elif o.output_type == "stream":
            parts.append(o.text)
        elif o.output_type == "error":
            parts.append(f"{o.ename}: {o.evalue}")
    return "\n".join(parts)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    work = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, work, ignore=shutil.ignore_patterns("output", ".ipynb_checkpoints", "__pycache__"))
    for name in LLM_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("FEKERNEL_CACHE", "off")
    monkeypatch.setenv("FEKERNEL_LLM_CACHE_DIR", str(tmp_path / "llm-cache"))
    return work


@NEEDS_SPARK
@pytest.mark.parametrize("name", ["quickstart.ipynb", "fraud-features.ipynb", "with-your-llm.ipynb"])
def test_the_notebook_pipeline_runs_on_local_spark_and_equals_the_kernel_frame(kernelspec, folder, name):
    nb = nbformat.read(folder / name, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("%fe export tx --target pyspark output/tx_pyspark.py --check"))
    client = NotebookClient(nb, timeout=900, startup_timeout=60, kernel_name=KERNEL_NAME,
                            skip_cells_with_tag="skip-execution", resources={"metadata": {"path": str(folder)}})
    start = time.perf_counter()
    client.execute()
    check = nb.cells[-1]
    text = text_of(check)
    print(f"\n{name}: {text}\n(notebook with the check: {time.perf_counter() - start:.1f} s)")
    assert not [o for o in check.outputs if o.output_type == "error"], text
    assert re.search(r"checked on local Spark 4\.3\.0: [\d,]+ rows × \d+ columns equal to the kernel's frame", text), text
    script = (folder / "output" / "tx_pyspark.py").read_text(encoding="utf-8")
    assert "def build_features(df: DataFrame, **inputs: DataFrame) -> DataFrame:" in script
    assert 'if __name__ == "__main__":' in script


def test_a_step_without_a_spark_equivalent_is_refused_with_its_line_and_nothing_is_written(kernelspec, tmp_path):
    data = tmp_path / "tx.csv"
    data.write_text("id,amount\n1,2.5\n2,3.0\n3,4.0\n", encoding="utf-8")
    k = Kernel(cwd=tmp_path)
    try:
        k.ok(f"%fe load {data} as tx")
        k.ok('%%fe apply tx\ndf = df.with_columns(double=pl.col("amount") * 2)\ndf = df.with_columns(smooth=pl.col("amount").rolling_mean(2, weights=[0.5, 0.5]))')
        evalue = k.fails("%fe export tx --target pyspark jobs/tx.py", "RejectedCode").error["evalue"]
        print(evalue)
        assert "`tx` version 2, line 2, column 46: `rolling_mean` with weights" in evalue, evalue
        assert "nothing was written" in evalue
        assert not (tmp_path / "jobs" / "tx.py").exists()
    finally:
        k.close()


def test_check_without_a_pyspark_python_says_which_variable_to_set(kernelspec, tmp_path):
    data = tmp_path / "tx.csv"
    data.write_text("id,amount\n1,2.5\n2,\n3,4.0\n", encoding="utf-8")
    k = Kernel(cwd=tmp_path, env={"FEKERNEL_PYSPARK_PYTHON": None})
    try:
        k.ok(f"%fe load {data} as tx")
        k.ok('%%fe apply tx\ndf = df.with_columns(double=pl.col("amount") * 2)')
        evalue = k.fails("%fe export tx --target pyspark tx_job.py --check", "UsageError").error["evalue"]
        assert "FEKERNEL_PYSPARK_PYTHON" in evalue and "pyspark" in evalue, evalue
        # The script itself was written before the check needed Spark.
        assert (tmp_path / "tx_job.py").is_file()
    finally:
        k.close()


@NEEDS_SPARK
def test_python_values_taken_from_the_data_are_exported_as_the_fitted_literals_they_were(kernelspec, tmp_path):
    data = tmp_path / "tx.csv"
    data.write_text("id,amount,channel\n1,2.5,web\n2,,app\n3,4.0,web\n4,9.5,store\n5,1.0,\n", encoding="utf-8")
    k = Kernel(cwd=tmp_path)
    try:
        k.ok(f"%fe load {data} as tx")
        k.ok('%%fe apply tx\nthreshold = df["amount"].quantile(0.75)\nrows = df.height\n'
             'df = df.with_columns(high=pl.col("amount") > threshold, share=pl.lit(1.0) / rows)')
        k.ok("%%fe apply tx\ndf = df.to_dummies(columns=[\"channel\"])")
        text = k.ok("%fe export tx --target pyspark tx_job.py --check", timeout=600).text()
        print(text)
        assert re.search(r"checked on local Spark 4\.3\.0: 5 rows × 8 columns equal to the kernel's frame", text), text
        script = (tmp_path / "tx_job.py").read_text(encoding="utf-8")
        # The literals are the values on the data each step was applied to, and say so.
        assert "took from the data of `tx` version 1" in script and "took from the data of `tx` version 2" in script, script
        assert "#   1. 4.0\n" in script and "#   2. 5\n" in script, script
        assert "channel_store" in script and "channel_null" in script, script
    finally:
        k.close()


def test_fitted_literals_need_the_data_the_step_was_applied_to(kernelspec, tmp_path):
    data = tmp_path / "tx.csv"
    data.write_text("id,amount\n1,2.5\n2,\n3,4.0\n", encoding="utf-8")
    k = Kernel(cwd=tmp_path)
    try:
        k.ok("%fe config max_versions=1")
        k.ok(f"%fe load {data} as tx")
        k.ok('%%fe apply tx\ndf = df.with_columns(centred=pl.col("amount") - df["amount"].mean())')
        evalue = k.fails("%fe export tx --target pyspark tx_job.py", "RejectedCode").error["evalue"]
        assert "step 2 of `tx`" in evalue and "version 1" in evalue and "max_versions" in evalue, evalue
        assert not (tmp_path / "tx_job.py").exists()
    finally:
        k.close()
