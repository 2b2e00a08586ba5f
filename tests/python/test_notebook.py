# nbclient runs a small notebook on the installed kernel, as `jupyter nbconvert --execute` and
# papermill do: a Rust cell and a magic cell, outputs checked.

import nbformat
from nbclient import NotebookClient

from conftest import KERNEL_NAME


def make_notebook():
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "fekernel", "language": "rust"}
    nb.cells = [
        nbformat.v4.new_markdown_cell("A Rust cell and a magic cell."),
        nbformat.v4.new_code_cell('let xs = vec![1, 2, 3];\nprintln!("sum = {}", xs.iter().sum::<i32>());'),
        nbformat.v4.new_code_cell("xs.len() * 10"),
        nbformat.v4.new_code_cell("%fe help"),
    ]
    return nb


def test_notebook_runs_rust_and_magic_cells(kernelspec):
    nb = make_notebook()
    client = NotebookClient(nb, timeout=300, kernel_name=KERNEL_NAME, startup_timeout=60)
    client.execute()

    rust, value, magic = nb.cells[1], nb.cells[2], nb.cells[3]
    assert [c.execution_count for c in (rust, value, magic)] == [1, 2, 3]

    # The first Rust cell also says that it starts the evaluator.
    stdout = "".join(o.text for o in rust.outputs if o.output_type == "stream" and o.name == "stdout")
    assert stdout.strip().splitlines()[-1] == "sum = 6", stdout

    results = [o for o in value.outputs if o.output_type == "execute_result"]
    assert len(results) == 1 and results[0].data["text/plain"] == "30"

    displays = [o for o in magic.outputs if o.output_type == "display_data"]
    assert len(displays) == 1
    assert {"text/plain", "text/html"} <= set(displays[0].data)
    assert "%fe load" in displays[0].data["text/plain"]
    assert all(o.output_type != "error" for c in nb.cells if c.cell_type == "code" for o in c.outputs)


def test_kernelspec_is_installed_as_documented(kernelspec):
    spec = kernelspec["spec"]
    assert spec["language"] == "rust"
    assert spec["interrupt_mode"] == "message"
    assert spec["argv"][1:] == ["run", "--connection-file", "{connection_file}"]
    assert spec["argv"][0].startswith("/")
