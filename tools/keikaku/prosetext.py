"""The prose of a plan, line by line, for the wording lint.

Each ``Segment`` is one line of text with its file and line. YAML keys, code, URLs and
MyST syntax (roles, directives and their options, headings markers, link targets,
table pipes) are left out; what stood in a line for something that is not prose
becomes ``OBJ``, a character that is never Japanese, so no finder joins the words on
either side of it. Pure: no Sphinx, no analyser.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

OBJ = "\ufffc"

# What a segment is: "sentences" (取組内容, 事業効果, 役割分担, 協定の内容: each line is
# sentences that end with 。), "text" (names, notes, pages), "quote" (the public's words,
# quoted verbatim: only proper-noun near-misses are looked for).
SENTENCES, TEXT, QUOTE = "sentences", "text", "quote"


@dataclass(frozen=True)
class Segment:
    rel: str
    line: int
    text: str
    kind: str


# -- MyST -------------------------------------------------------------------------------

_ROLE = re.compile(r"\{[A-Za-z0-9_:+-]+\}`[^`]*`")
_CODE = re.compile(r"`[^`]*`")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"<?https?://[^\s>)]+>?")
_TAG = re.compile(r"<[^>]+>")
_HEADING = re.compile(r"^#{1,6}\s+")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
_TARGET = re.compile(r"^\(.*\)=\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?[\s:|-]+\|[\s:|-]*$")
_FENCE = re.compile(r"^(`{3,}|:{3,})\s*(?:\{([\w:-]+)\})?")
_OPTION = re.compile(r"^:[\w-]+:")
# Directives whose content is prose (admonitions); the content of any other is skipped.
PROSE_DIRECTIVES = {"note", "warning", "tip", "important", "hint", "caution", "attention",
                    "danger", "error", "seealso", "admonition", "topic", "sidebar"}


def myst_line(line: str) -> str:
    """One line of MyST as prose: markup removed, non-prose replaced by ``OBJ``. (Each
    pattern is tried only when the line holds the character it needs: most lines of
    prose hold none.)"""
    if "`" in line:
        line = _ROLE.sub(OBJ, line)
        line = _CODE.sub(OBJ, line)
    if "[" in line:
        line = _LINK.sub(r"\1", line)
    if "http" in line:
        line = _URL.sub(OBJ, line)
    if "<" in line:
        line = _TAG.sub(OBJ, line)
    if line[:1] == "#":
        line = _HEADING.sub("", line)
    first = line[:1]
    if first and (first in "-*+" or first.isspace() or first.isdecimal()):  # \s, \d
        line = _ITEM.sub("", line)
    return line.replace("**", "").replace("|", OBJ)


def myst_segments(rel: str, text: str, first_line: int = 1,
                  kind_of: Callable[[str | None], str | None] | None = None) -> Iterator[Segment]:
    """The prose lines of a MyST text. ``kind_of(heading)`` gives the kind of the lines
    under a ``##`` heading (None: skip them); by default every line is TEXT."""
    lines = text.split("\n")
    start = 0
    if first_line == 1 and lines and lines[0].rstrip() == "---":  # a page's front matter
        end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
        if end is not None:
            start = end + 1
    fence: str | None = None
    prose_fence = False
    in_comment = False
    kind: str | None = kind_of(None) if kind_of else TEXT
    for i in range(start, len(lines)):
        raw = lines[i]
        stripped = raw.strip()
        if in_comment:
            in_comment = "-->" not in raw
            continue
        if stripped.startswith("<!--"):
            in_comment = "-->" not in raw
            continue
        m = _FENCE.match(stripped)
        if m:
            if fence is None:
                fence, prose_fence = m.group(1), (m.group(2) or "") in PROSE_DIRECTIVES
                continue
            if stripped.strip(fence[0]) == "" and len(stripped) >= len(fence):  # its closing
                fence = None
                continue
        if fence is not None and (not prose_fence or _OPTION.match(stripped)):
            continue
        if not stripped or stripped.startswith("%") or _TARGET.match(stripped) \
                or _TABLE_RULE.match(stripped):
            continue
        if kind_of and stripped.startswith("## "):
            kind = kind_of(stripped[3:].strip())
            continue
        if kind is None:
            continue
        yield Segment(rel, first_line + i, myst_line(raw).strip(), kind)


# -- YAML ---------------------------------------------------------------------------------

_KEY = re.compile(r"^(\s*)(- )?([^\s#'\"][^:#]*?):(?:\s+(.*))?$")
_ITEM_VALUE = re.compile(r"^(\s*)- (.*)$")
_BLOCK = re.compile(r"^[|>][+-]?$")


def _scalar(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def yaml_segments(rel: str, text: str, first_line: int,
                  kind_of: Callable[[tuple[str, ...]], str | None]) -> Iterator[Segment]:
    """The string values of a YAML text whose key path ``kind_of`` accepts, one segment
    per line (block scalars line by line). Keys, comments and other values are skipped.
    The scan follows indentation only, which is all the plan's data files use."""
    stack: list[tuple[int, str]] = []  # (indent, key)
    block: tuple[int, str | None] | None = None  # (indent of its key, kind)
    for i, raw in enumerate(text.split("\n")):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        indent = len(raw) - len(raw.lstrip())
        if block is not None:
            if indent > block[0]:
                if block[1]:
                    yield Segment(rel, first_line + i, raw.strip(), block[1])
                continue
            block = None
        m = _KEY.match(raw)
        if m and not (m.group(3).startswith("- ")):
            key_indent = indent + (2 if m.group(2) else 0)
            while stack and stack[-1][0] >= key_indent:
                stack.pop()
            key = m.group(3).strip()
            path = (*[k for _, k in stack], key)
            value = m.group(4) or ""
            if _BLOCK.match(value.strip()):
                block = (key_indent, kind_of(path))
            elif value and not value.startswith(("{", "[", "&", "*", "!")):
                kind = kind_of(path)
                if kind:
                    yield Segment(rel, first_line + i, _scalar(value), kind)
            stack.append((key_indent, key))
            continue
        m = _ITEM_VALUE.match(raw)
        if m:
            while stack and stack[-1][0] > indent:
                stack.pop()
            kind = kind_of(tuple(k for _, k in stack))
            if kind:
                yield Segment(rel, first_line + i, _scalar(m.group(2)), kind)


# -- the plan's files -------------------------------------------------------------------------

MEASURE_TEXT_KEYS = {"name", "notes", "target_reason", "projects"}
BODY_SENTENCES = {"取組内容", "事業効果", "役割分担"}


def _structure_kind(path: tuple[str, ...]) -> str | None:
    if "agreement" in path:
        return SENTENCES if path[-1] == "content" or "roles" in path else None
    return TEXT if path[-1] == "name" else None


def _quote_kind(path: tuple[str, ...]) -> str | None:
    return QUOTE


def _located(rel: str, text: str, first_line: int,
             values: Iterable[tuple[str, str]]) -> Iterator[Segment]:
    """Each line of each (value, kind), parsed from ``text``, as a segment at the line
    of ``text`` that holds it, searched in document order: the first line from the
    last one found on that holds it, else the first line before it that does, else
    the last one found."""
    starts: list[int] | None = None  # the offset of each line, once a value is kept
    at = 0
    for value, kind in values:
        if starts is None:
            starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
        for part in value.split("\n"):
            part = part.strip()
            if not part:
                continue
            # ``part`` holds no newline, so a match lies within one line
            pos = text.find(part, starts[at])
            if pos < 0:
                pos = text.find(part, 0, starts[at])
            if pos >= 0:
                at = bisect_right(starts, pos) - 1
            yield Segment(rel, first_line + at, part, kind)


_NEWLINE = re.compile("\n")


def _measure_texts(value: Any, inside: bool = False) -> Iterator[tuple[str, str]]:
    """The text values of a measure's front matter, in document order: every string
    under a key of MEASURE_TEXT_KEYS, at any depth, except under ``printed`` (names
    as misprinted on the card: keikaku.printed reports them)."""
    if isinstance(value, str):
        if inside:
            yield value, TEXT
    elif isinstance(value, dict):
        for k, v in value.items():
            key = str(k)
            if key != "printed":
                yield from _measure_texts(v, inside or key in MEASURE_TEXT_KEYS)
    elif isinstance(value, list):
        for v in value:
            yield from _measure_texts(v, inside)


def measure_segments(rel: str, front: str, front_line: int, body: str, body_line: int,
                     data: Any) -> Iterator[Segment]:
    yield from _located(rel, front, front_line, _measure_texts(data))
    yield from myst_segments(rel, body, body_line,
                             lambda h: None if h is None else (
                                 SENTENCES if h in BODY_SENTENCES else TEXT))


def structure_segments(rel: str, text: str) -> Iterator[Segment]:
    yield from yaml_segments(rel, text, 1, _structure_kind)


def quote_segments(rel: str, text: str) -> Iterator[Segment]:
    """comments.yaml: the public's words and the published answers, quoted verbatim."""
    for seg in yaml_segments(rel, text, 1, _quote_kind):
        if any(ord(c) > 0x3000 for c in seg.text):
            yield seg
