# Shared by the make_*.py generators: fekernel notebook metadata, cell helpers, and stable cell
# ids, so that running a generator twice writes the same JSON byte for byte.

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

KERNELSPEC = {"name": "fekernel", "display_name": "Rust + Polars features (fekernel)", "language": "rust"}
# As the kernel's kernel_info reply has it, so JupyterLab opens the notebook unmodified.
LANGUAGE_INFO = {"codemirror_mode": "rust", "file_extension": ".rs", "mimetype": "text/rust", "name": "rust",
                 "pygments_lexer": "rust", "version": "1.95.0"}

# nbclient does not run cells with this tag (its `skip_cells_with_tag` default); JupyterLab does
# when the user runs them. The notebooks use it for cells that need an API key or a server.
SKIP_EXECUTION = "skip-execution"
# nbclient goes on after an error in a cell with this tag (a refusal shown on purpose).
RAISES_EXCEPTION = "raises-exception"


def md(text: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_markdown_cell(text)


def code(text: str, *tags: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(text)
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def placeholder(command: str, text: str) -> nbformat.NotebookNode:
    """A marked place for a command this version does not have yet (found by `grep PLACEHOLDER`)."""
    return md(f"> **PLACEHOLDER — `{command}`** (not in this version of fekernel): {text}")


def notebook(cells: list, id_prefix: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = dict(LANGUAGE_INFO)
    for index, cell in enumerate(cells, start=1):
        cell.id = f"{id_prefix}-{index:02d}"
    nb.cells = cells
    nbformat.validate(nb)
    return nb


def write(nb: nbformat.NotebookNode, name: str) -> Path:
    """Writes notebooks/NAME, or NAME inside the folder given as the first argument."""
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    path = folder / name
    nbformat.write(nb, path)
    return path
