"""Writing measured figures into a page between its markers (shared by the benchmarks)."""

from __future__ import annotations

from pathlib import Path


def write_between(page: Path, name: str, text: str) -> None:
    """Replace what stands between <!-- NAME:begin --> and <!-- NAME:end --> in ``page``."""
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    content = page.read_text(encoding="utf-8")
    start, stop = content.index(begin) + len(begin), content.index(end)
    page.write_text(content[:start] + "\n" + text + "\n" + content[stop:], encoding="utf-8")
