"""A synthetic plan of N measures shaped like the real one, for benchmarks and scale tests.

The measures cycle through the real cards (same front matter and prose, so the
same size and shape), each with its own id, number and file name; the other
data files and the schemas are copied from the real plan.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .load import split_front_matter

COPIED = ("docs/data/plan.yaml", "docs/data/structure.yaml", "docs/data/population.yaml",
          "docs/data/facts.yaml")


def synthesize(source: Path, n: int, dest: Path) -> int:
    """Write a plan of ``n`` measures under ``dest`` from the plan at ``source``."""
    templates = []
    for path in sorted((source / "measures").glob("*.md")):
        parts = split_front_matter(path.read_text(encoding="utf-8"))
        if isinstance(parts, tuple):
            templates.append((path.stem, parts[0], parts[2]))
    if not templates:
        raise ValueError(f"no measure files under {source / 'measures'}")
    (dest / "measures").mkdir(parents=True, exist_ok=True)
    (dest / "docs" / "data").mkdir(parents=True, exist_ok=True)
    for rel in COPIED:
        shutil.copy2(source / rel, dest / rel)
    (dest / "docs" / "data" / "errata.yaml").write_text("errata: []\n", encoding="utf-8")
    shutil.copytree(source / "schemas", dest / "schemas", dirs_exist_ok=True)
    for i in range(n):
        stem, front, body = templates[i % len(templates)]
        new_id = f"{stem}-{i + 1:05d}"
        lines = front.split("\n")
        for j, line in enumerate(lines):
            if line.startswith("id: "):
                lines[j] = f"id: {new_id}"
            elif line.startswith("number: "):
                lines[j] = f"number: {i + 1}"
        text = "---\n" + "\n".join(lines) + "\n---\n" + body
        (dest / "measures" / f"{new_id}.md").write_text(text, encoding="utf-8")
    return n
