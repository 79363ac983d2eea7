"""Files -> documents: raw data plus a way back to the file and line of every key.

Parsing uses PyYAML's C loader when present. Line numbers are worked out only
when a problem needs one (``Document.line_of``), by composing the YAML again.
Nothing here raises on bad input: every failure becomes a ``Problem``.
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
                for key_node, value_node in node.value:
                    if key_node.value == str(part):
                        line = key_node.start_mark.line
                        node = value_node
                        break
                else:
                    return self.line_offset + line + 1
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
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(
            Problem("keikaku.read", rel, None, "unreadable", {"reason": exc.strerror or str(exc)})
        )
        return doc, None
    return doc, _decode(raw, doc, problems)


def _parse_yaml(doc: Document, problems: list[Problem]) -> None:
    try:
        data = yamlfast.load(doc.text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = doc.line_offset + (mark.line + 1 if mark else 1)
        problems.append(
            Problem("keikaku.yaml", doc.rel, line, "yaml-syntax", {"problem": exc.problem or ""})
        )
        return
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError) as exc:
        problems.append(
            Problem("keikaku.yaml", doc.rel, doc.line_offset + 1, "yaml-syntax",
                    {"problem": type(exc).__name__})
        )
        return
    if not isinstance(data, dict):
        problems.append(Problem("keikaku.yaml", doc.rel, doc.line_offset + 1, "not-a-mapping"))
        return
    doc.data = data
    doc.ok = True


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
    population: Document
    errata: Document
    measures: list[Document]
    comments: Document | None = None
    comparison: Document | None = None
    glossary: Document | None = None

    def documents(self) -> list[Document]:
        optional = [d for d in (self.comments, self.comparison, self.glossary)
                    if d is not None]
        return [self.plan, self.structure, self.population, self.errata, *optional,
                *self.measures]


DATA_FILES = {
    "plan": "docs/data/plan.yaml",
    "structure": "docs/data/structure.yaml",
    "population": "docs/data/population.yaml",
    "errata": "docs/data/errata.yaml",
}
# Files a plan may have: public comments and council opinions, the comparison table.
OPTIONAL_FILES = {
    "comments": "docs/data/comments.yaml",
    "comparison": "docs/data/comparison.yaml",
    "glossary": "docs/data/glossary.yaml",
}


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
    return Sources(root=root, measures=measures, **data, **optional)
