"""A synthetic plan of N measures shaped like the real one, for benchmarks and scale tests.

The plan is the source plan itself — ``conf.py``, its pages, every data file, the
archived source and the schemas, and its measures unchanged — plus copies of its
measures up to N, each with its own id, number and file name. Only measures on
which the check finds nothing are copied (the others carry warnings recorded in
the errata; ten thousand copies of them would be thousands of findings), so the
synthetic plan builds with ``sphinx-build -nW`` and ``keikaku check`` reports on it
what it reports on the source plan.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from .check import load_plan
from .load import split_front_matter

# What a plan is made of besides its measures (the site's build reads them all).
PLAN_FILES = ("conf.py", "index.md")
PLAN_DIRS = ("docs", "schemas")
IGNORED = shutil.ignore_patterns("_build", "__pycache__", ".*")
COMPARISON = Path("docs/data/comparison.yaml")
ERRATA = Path("docs/data/errata.yaml")


def clean_measures(source: Path) -> list[Path]:
    """The source's measure files on which the check finds nothing, by file name."""
    result = load_plan(source)
    flagged = {(source / p.file).resolve() for p in result.problems if p.file}
    return [path for path in sorted((source / "measures").glob("*.md"))
            if path.resolve() not in flagged]


def synthesize(source: Path, n: int, dest: Path) -> int:
    """Write a plan of ``n`` measures (at least the source's own) under ``dest``."""
    originals = sorted((source / "measures").glob("*.md"))
    if n < len(originals):
        raise ValueError(f"{n} < {len(originals)} measures of the source plan")
    templates = []
    for path in clean_measures(source):
        parts = split_front_matter(path.read_text(encoding="utf-8"))
        if isinstance(parts, tuple):
            templates.append((path.stem, parts[0], parts[2]))
    if not templates:
        raise ValueError(f"no measure without findings under {source / 'measures'}")
    dest.mkdir(parents=True, exist_ok=True)
    for rel in PLAN_FILES:
        if (source / rel).is_file():
            shutil.copy2(source / rel, dest / rel)
    for rel in PLAN_DIRS:
        if (source / rel).is_dir():
            shutil.copytree(source / rel, dest / rel, ignore=IGNORED, dirs_exist_ok=True)
    (dest / "measures").mkdir(parents=True, exist_ok=True)
    for path in originals:
        shutil.copy2(path, dest / "measures" / path.name)
    copies = []
    for i in range(len(originals), n):
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
        copies.append(new_id)
    add_comparison_rows(dest / COMPARISON, copies)
    count_cards(dest / ERRATA, len(originals), n)
    return n


def count_cards(path: Path, before: int, after: int) -> None:
    """The errata speak of the source's cards as a range (施策カード2〜32), a number the
    build checks against the plan's count of measures: the synthetic plan has more."""
    if before == after or not path.is_file():
        return
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(rf"(施策カード\d+〜){before}(?!\d)", rf"\g<1>{after}", text),
                    encoding="utf-8")


def add_comparison_rows(path: Path, ids: list[str]) -> None:
    """The comparison with the previous vision lists every measure: the copies are
    measures added in this vision (rows appended as text, so the other lines stay)."""
    if not ids or not path.is_file():
        return
    lines = path.read_text(encoding="utf-8").split("\n")
    end = next((i for i, line in enumerate(lines) if line.startswith("changes:")), len(lines))
    while end > 0 and lines[end - 1].lstrip().startswith("#"):
        end -= 1  # the comments of `changes:` stay above it
    rows = [f"  - {{current: {i}, change: added}}" for i in ids]
    path.write_text("\n".join([*lines[:end], *rows, *lines[end:]]), encoding="utf-8")
