"""Files -> documents: raw data plus a way back to the file and line of every key.

Parsing uses PyYAML's C loader when present. Line numbers are worked out only
when a problem needs one (``Document.line_of``), by composing the YAML again.
Nothing here raises on bad input: every failure becomes a ``Problem``. Nor does
any input run away: a file larger than ``MAX_FILE_BYTES`` is not read, YAML
anchors and aliases are refused before anything expands them (an "alias bomb"
of ten lines would otherwise stand for a billion values), and nesting deeper
than libyaml's limit of 1000 levels is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import yamlfast
from .problems import Problem

Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

BODY_HEADINGS = ("取組内容", "事業効果", "役割分担")
BODY_KEYS = {"取組内容": "content", "事業効果": "effect", "役割分担": "roles"}
FENCE = "---"
# The largest plan file (measure, data file, page) read; the biggest real one is 40 kB.
MAX_FILE_BYTES = 1_000_000
# The most keys and values one file may hold; the most in a real one is about 1,100,
# and the comparison table of a plan of 10,000 measures holds about 50,000 (five per
# measure). Validation and line lookup take time in proportion to them: about 1 s
# each for this many at most.
MAX_VALUES = 100_000
# How deep YAML may nest: libyaml's own limit, which refuses a deeper file.
YAML_DEPTH = 1000


@dataclass
class Document:
    """One data file (or one measure file's front matter) as read."""

    path: Path
    rel: str
    text: str = ""
    line_offset: int = 0  # file line of the first line of ``text``, minus one
    data: Any = None
    body: str = ""
    body_line: int = 1
    ok: bool = False
    _node: Any = field(default=None, repr=False)
    _keys: dict[int, dict[str, Any]] = field(default_factory=dict, repr=False)

    def _entry(self, node: Any, key: str) -> tuple[Any, Any] | None:
        """The (key node, value node) of ``key`` in a mapping node: the first, as before,
        from an index built once per mapping (a file may have many problems)."""
        index = self._keys.get(id(node))
        if index is None:
            index = {}
            for key_node, value_node in node.value:
                if isinstance(key_node.value, str):
                    index.setdefault(key_node.value, (key_node, value_node))
            self._keys[id(node)] = index
        return index.get(key)

    def line_of(self, keypath: tuple[object, ...] = ()) -> int:
        """File line of the key at ``keypath`` (or of the deepest part that exists)."""
        if self._node is None:
            try:
                self._node = yaml.compose(self.text, Loader=Loader)
            except yaml.YAMLError:
                return self.line_offset + 1
        node = self._node
        if node is None:
            return self.line_offset + 1
        line = node.start_mark.line
        for part in keypath:
            if isinstance(node, yaml.MappingNode):
                entry = self._entry(node, str(part))
                if entry is None:
                    return self.line_offset + line + 1
                line = entry[0].start_mark.line
                node = entry[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if 0 <= part < len(node.value):
                    node = node.value[part]
                    line = node.start_mark.line
                else:
                    return self.line_offset + line + 1
            else:
                break
        return self.line_offset + line + 1


def _decode(raw: bytes, doc: Document, problems: list[Problem]) -> str | None:
    if b"\x00" in raw:
        problems.append(Problem("keikaku.read", doc.rel, None, "unreadable", {"reason": "binary"}))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(Problem("keikaku.read", doc.rel, None, "not-utf8", {"offset": exc.start}))
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read(path: Path, rel: str, problems: list[Problem]) -> tuple[Document, str | None]:
    doc = Document(path=path, rel=rel)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(Problem("keikaku.read", rel, 1, "too-large",
                                    {"size": f"{size:,}", "limit": f"{MAX_FILE_BYTES:,}"}))
            return doc, None
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(
            Problem("keikaku.read", rel, None, "unreadable", {"reason": exc.strerror or str(exc)})
        )
        return doc, None
    return doc, _decode(raw, doc, problems)


def _parse_yaml(doc: Document, problems: list[Problem]) -> None:
    anchor = yamlfast.first_anchor(doc.text)
    if anchor is not None:
        problems.append(Problem("keikaku.yaml", doc.rel, doc.line_offset + anchor[0] + 1,
                                "yaml-anchor", {"anchor": anchor[1]}))
        return
    try:
        data = yamlfast.load(doc.text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = doc.line_offset + (mark.line + 1 if mark else 1)
        too_deep = "maximum nesting depth" in (exc.problem or "")
        problems.append(
            Problem("keikaku.yaml", doc.rel, line, "yaml-too-deep" if too_deep else "yaml-syntax",
                    {"problem": exc.problem or ""})
        )
        return
    except RecursionError:  # PyYAML without libyaml has no depth limit of its own
        problems.append(Problem("keikaku.yaml", doc.rel, doc.line_offset + 1, "yaml-too-deep"))
        return
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        problems.append(
            Problem("keikaku.yaml", doc.rel, doc.line_offset + 1, "yaml-syntax",
                    {"problem": type(exc).__name__})
        )
        return
    if not isinstance(data, dict):
        problems.append(Problem("keikaku.yaml", doc.rel, doc.line_offset + 1, "not-a-mapping"))
        return
    if _may_hold_too_many(doc.text) and _too_many_values(data):
        problems.append(Problem("keikaku.yaml", doc.rel, doc.line_offset + 1, "too-many-values",
                                {"limit": f"{MAX_VALUES:,}"}))
        return
    doc.data = data
    doc.ok = True


def _may_hold_too_many(text: str) -> bool:
    """Whether a YAML text of this length could hold more than MAX_VALUES keys and
    values. Without aliases (refused before parsing), every node of a document but an
    implicit null starts at a character of its own, or shares it with one container
    (a block mapping starts at its first key); an implicit null follows a key or an
    indicator. So a text holds at most three nodes per character, and most files need
    no counting (tests/test_load_bound.py checks the bound on generated documents)."""
    return 3 * (len(text) + 1) > MAX_VALUES


def _too_many_values(data: Any) -> bool:
    """Whether ``data`` holds more than MAX_VALUES keys and values (counted without
    recursion, and stopping at the limit)."""
    count, stack = 0, [data]
    while stack:
        value = stack.pop()
        count += 1
        if count > MAX_VALUES:
            return True
        if isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return False


def read_data_file(path: Path, rel: str, problems: list[Problem]) -> Document:
    """Read a YAML data file."""
    doc, text = _read(path, rel, problems)
    if text is not None:
        doc.text = text
        _parse_yaml(doc, problems)
    return doc


def split_front_matter(text: str) -> tuple[str, int, str, int] | str | None:
    """Return (yaml, yaml_first_line, body, body_first_line), or a message key on failure."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        return "front-matter-missing"
    for i in range(1, len(lines)):
        if lines[i].rstrip() == FENCE:
            return "\n".join(lines[1:i]), 1, "\n".join(lines[i + 1 :]), i + 2
    return "front-matter-unclosed"


def read_measure_file(path: Path, rel: str, problems: list[Problem]) -> Document:
    """Read a measure file: YAML front matter, then the MyST body."""
    doc, text = _read(path, rel, problems)
    if text is None:
        return doc
    parts = split_front_matter(text)
    if isinstance(parts, str):
        problems.append(Problem("keikaku.front-matter", rel, 1, parts))
        return doc
    doc.text, doc.line_offset, doc.body, doc.body_line = parts
    _parse_yaml(doc, problems)
    return doc


def read_page(path: Path, rel: str, problems: list[Problem]) -> Document:
    """Read a MyST page: its front matter (optional, as MyST allows) and its text.
    ``ok`` is whether the front matter, if any, is a readable mapping."""
    doc, text = _read(path, rel, problems)
    if text is None:
        return doc
    parts = split_front_matter(text)
    if isinstance(parts, str):  # no front matter: the whole file is the body
        doc.body, doc.data, doc.ok = text, {}, True
        return doc
    doc.text, doc.line_offset, doc.body, doc.body_line = parts
    _parse_yaml(doc, problems)
    return doc


_HEADING = re.compile(r"^##\s+(.+?)\s*$")


def split_body(doc: Document, problems: list[Problem]) -> dict[str, str]:
    """The body's three fixed sections as {content, effect, roles} (a missing one is
    empty), and a problem for each heading that is missing, unknown or out of order."""
    sections: dict[str, list[str]] = {}
    order: list[tuple[str, int]] = []
    current: list[str] | None = None
    in_fence = False
    for i, line in enumerate(doc.body.split("\n")):
        if line.startswith("```") or line.startswith(":::"):
            in_fence = not in_fence
        match = None if in_fence else _HEADING.match(line)
        if match:
            heading = match.group(1)
            lineno = doc.body_line + i
            if heading not in BODY_KEYS:
                problems.append(
                    Problem("keikaku.body", doc.rel, lineno, "body-section-unknown",
                            {"heading": heading})
                )
                current = None
                continue
            order.append((heading, lineno))
            current = sections.setdefault(heading, [])
        elif current is not None:
            current.append(line)
    missing = [h for h in BODY_HEADINGS if h not in sections]
    for heading in missing:
        problems.append(
            Problem("keikaku.body", doc.rel, doc.body_line, "body-section-missing",
                    {"heading": heading})
        )
    found = [h for h, _ in order]
    if not missing and found != list(BODY_HEADINGS):
        first = next(i for i, (a, b) in enumerate(zip(found, BODY_HEADINGS, strict=False))
                     if a != b) if found[:3] != list(BODY_HEADINGS) else 3
        problems.append(
            Problem("keikaku.body", doc.rel, order[min(first, len(order) - 1)][1],
                    "body-section-order",
                    {"found": "・".join(found), "expected": "・".join(BODY_HEADINGS)})
        )
    texts = {BODY_KEYS[h]: "\n".join(lines).strip() for h, lines in sections.items()}
    return {key: texts.get(key, "") for key in BODY_KEYS.values()}


@dataclass
class Sources:
    """Every file of a plan, as read."""

    root: Path
    plan: Document
    structure: Document
    measures: list[Document]
    population: Document | None = None
    errata: Document | None = None
    comments: Document | None = None
    comparison: Document | None = None
    provenance: Document | None = None
    facts: Document | None = None
    glossary: Document | None = None
    pages: list[Document] = field(default_factory=list)  # index.md, docs/**/*.md

    def documents(self) -> list[Document]:
        optional = [d for d in (self.population, self.errata, self.comments,
                                  self.comparison, self.provenance, self.facts, self.glossary)
                    if d is not None]
        return [self.plan, self.structure, *optional, *self.measures]


DATA_FILES = {
    "plan": "docs/data/plan.yaml",
    "structure": "docs/data/structure.yaml",
}
# Files a plan may have: population tables, errata, public comments and council
# opinions, the comparison table,
# the provenance of the archived source text the quotes are checked against, the external
# facts its prose states (docs/data/facts.yaml).
OPTIONAL_FILES = {
    "population": "docs/data/population.yaml",
    "errata": "docs/data/errata.yaml",
    "comments": "docs/data/comments.yaml",
    "comparison": "docs/data/comparison.yaml",
    "provenance": "docs/source/provenance.yaml",
    "facts": "docs/data/facts.yaml",
    "glossary": "docs/data/glossary.yaml",
}


PAGE_SKIP_DIRS = {"_build", ".nox", ".git", "node_modules", "cases"}


def page_paths(root: Path) -> list[Path]:
    """The MyST pages of the plan: index.md and docs/**/*.md."""
    index = root / "index.md"
    pages = [index] if index.exists() else []
    for path in sorted((root / "docs").rglob("*.md")):
        if not PAGE_SKIP_DIRS & set(path.relative_to(root).parts):
            pages.append(path)
    return pages


def read_sources(root: Path, problems: list[Problem]) -> Sources:
    """Read every file of the plan under ``root``."""
    data = {
        name: read_data_file(root / rel, rel, problems) for name, rel in DATA_FILES.items()
    }
    measures = [
        read_measure_file(path, path.relative_to(root).as_posix(), problems)
        for path in sorted((root / "measures").glob("*.md"))
    ]
    optional = {
        name: read_data_file(root / rel, rel, problems)
        for name, rel in OPTIONAL_FILES.items() if (root / rel).exists()
    }
    pages = [read_page(path, path.relative_to(root).as_posix(), problems)
             for path in page_paths(root)]
    return Sources(root=root, measures=measures, pages=pages, **data, **optional)
