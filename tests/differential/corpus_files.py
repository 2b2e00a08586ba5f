# Reads the differential corpus: one snippet per file, with `# frame:` / `# frames:` headers.
# Shared by the oracle and the pytest harness so both agree on ids, targets and frames.
"""The corpus format.

Each `corpus/<id>.py` is the body of a `%%fe apply NAME` cell. Its first comment lines say
which frame `df` is bound to (`# frame: NAME`), which other frames it reads
(`# frames: a, b`, optional) and what it does (any other comment line).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"


@dataclass(frozen=True)
class Snippet:
    id: str
    path: Path
    target: str
    other_frames: tuple[str, ...]
    source: str


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


def load_corpus(corpus_dir: Path = CORPUS_DIR) -> list[Snippet]:
    snippets = []
    for path in sorted(corpus_dir.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        target, others = parse_header(path, source)
        snippets.append(Snippet(path.stem, path, target, others, source))
    return snippets
