# Reads the differential corpus: one snippet per file, with `# frame:` / `# frames:` headers.
# Shared by the oracle and the pytest harness so both agree on ids, targets and frames.
"""The corpus format.

Each `corpus/<id>.py` is the body of a `%%fe apply NAME` cell. Its first comment lines say
which frame `df` is bound to (`# frame: NAME`), which other frames it reads
(`# frames: a, b`, optional), whether Python leaves the row order of the result undefined
(`# order: any`, optional) and what it does (any other comment line).

The folder is `corpus/` unless the environment variable FE_CORPUS_DIR names another one
(e.g. `public/`, the corpus of public Polars code); the oracle also takes `--corpus DIR`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
CORPUS_DIR = Path(os.environ["FE_CORPUS_DIR"]).resolve() if os.environ.get("FE_CORPUS_DIR") else DEFAULT_CORPUS_DIR


@dataclass(frozen=True)
class Snippet:
    id: str
    path: Path
    target: str
    other_frames: tuple[str, ...]
    source: str
    # `# order: any`: Python does not define the row order, compare after sorting the rows.
    order_any: bool = False


def parse_header(path: Path, source: str) -> tuple[str, tuple[str, ...]]:
    target = None
    others: tuple[str, ...] = ()
    for line in source.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        body = stripped.lstrip("#").strip()
        if body.startswith("frame:"):
            target = body.split(":", 1)[1].strip()
        elif body.startswith("frames:"):
            others = tuple(n.strip() for n in body.split(":", 1)[1].split(",") if n.strip())
    if not target:
        raise ValueError(f"{path.name}: missing `# frame: NAME` header")
    return target, others


def parse_order_any(source: str) -> bool:
    """True when the header has `# order: any`."""
    for line in source.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        body = stripped.lstrip("#").strip()
        if body.startswith("order:") and body.split(":", 1)[1].strip() == "any":
            return True
    return False


def load_corpus(corpus_dir: Path | None = None) -> list[Snippet]:
    snippets = []
    for path in sorted((corpus_dir or CORPUS_DIR).glob("*.py")):
        source = path.read_text(encoding="utf-8")
        target, others = parse_header(path, source)
        snippets.append(Snippet(path.stem, path, target, others, source, parse_order_any(source)))
    return snippets
