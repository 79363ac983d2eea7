"""Constants of the repository's own code, read without importing it: a fact of
docs/data/facts.yaml that describes the tool (how many words the search benchmark
tries) names the constant it comes from (``benchmarks/search_splitters.py:len(WORDS)``)
instead of typing its value again."""

from __future__ import annotations

import ast
import re
from pathlib import Path

SPEC = re.compile(r"^(?P<file>[\w./-]+\.py):(?:(?P<len>len)\((?P<lname>[A-Z_][A-Z0-9_]*)\)|"
                  r"(?P<name>[A-Z_][A-Z0-9_]*))$")
# The repository this package is in: a copy of the plan alone (tests) has no code.
REPOSITORY = Path(__file__).resolve().parents[2]


def read(root: Path, spec: str) -> int | float | None:
    """The value of ``FILE:NAME`` or ``FILE:len(NAME)`` (a module-level assignment of a
    literal), looked for under ``root`` and then in this package's repository; None if
    it is not there or not a number."""
    m = SPEC.match(spec)
    if m is None:
        return None
    name = m.group("name") or m.group("lname")
    for base in (root, REPOSITORY):
        try:
            tree = ast.parse((base / m.group("file")).read_text(encoding="utf-8"))
        except (OSError, SyntaxError, UnicodeDecodeError):
            continue
        for node in tree.body:
            targets = [node.target] if isinstance(node, ast.AnnAssign) else (
                node.targets if isinstance(node, ast.Assign) else [])
            if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                try:
                    value = ast.literal_eval(node.value)  # type: ignore[arg-type]
                except ValueError:
                    return None
                if m.group("len"):
                    return len(value) if hasattr(value, "__len__") else None
                return value if isinstance(value, int | float) and not isinstance(
                    value, bool) else None
        return None
    return None
