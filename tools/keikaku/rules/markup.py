"""Markup rule: the plan's content (measure bodies, the MyST pages) holds no raw HTML
and no directive that passes text to the page unescaped, unless its file allows it
with ``allow_raw_html: true`` in its front matter.

A pasted ``<script>`` or ``<img onerror=...>`` would otherwise be published as it is.
Detection uses markdown-it (the parser MyST is built on), so HTML inside code is
not mistaken for HTML on the page; directives that MyST parses as Markdown are
searched too. HTML comments (``<!-- ... -->``, used as markers for generated
sections) are allowed. The Sphinx extension removes, as a second line of defence,
any raw output of a page that does not allow it (sphinxext.rawguard).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from ..load import Document, Sources
from ..problems import Problem

ALLOW_KEY = "allow_raw_html"
# Directives that put text on the page unescaped: raw itself; eval-rst, in which
# reStructuredText's raw (and everything else) is available; role, which can
# define a role based on raw.
RAW_DIRECTIVES = frozenset({"raw", "eval-rst", "role"})
# Directives whose content is shown as written, never parsed as Markdown.
LITERAL_DIRECTIVES = frozenset({"code", "code-block", "sourcecode", "code-cell",
                                "literalinclude", "math", "mermaid", "graphviz"})
MAX_DIRECTIVE_DEPTH = 10  # directives nested deeper are left to the build's guard
MAX_PER_FILE = 10  # problems reported per file; the rest are counted in one more

_CANDIDATE = re.compile(r"<|\{[\w:+-]*(?:raw|eval-rst|role)\}", re.IGNORECASE)
_DIRECTIVE = re.compile(r"^\{([a-zA-Z0-9_\-+:]{1,36})\}(.*)$")
# Only comments: "<!--", text without "<" or ">" (so nothing can end the comment early
# and start a tag, as "--!>" or "<!-->" would), "-->".
_COMMENTS_ONLY = re.compile(r"\s*(?:<!--[^<>]*-->\s*)*")


def comments_only(html: str) -> bool:
    """Whether ``html`` is nothing but HTML comments (which publish nothing)."""
    return _COMMENTS_ONLY.fullmatch(html) is not None


def allows_raw_html(data: Any) -> bool:
    """Whether front matter ``data`` allows raw HTML: exactly ``allow_raw_html: true``."""
    return isinstance(data, dict) and data.get(ALLOW_KEY) is True


@cache
def _parser() -> Any:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.colon_fence import colon_fence_plugin

    return MarkdownIt("commonmark").enable("table").use(colon_fence_plugin)


def snippet(text: str) -> str:
    """The first non-blank line of ``text``, at most 40 characters."""
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return first if len(first) <= 40 else first[:39] + "…"


def directive_name(info: str) -> str | None:
    """The directive a fence's info string names (``{raw} html`` -> ``raw``), lower case
    as docutils looks it up, without a domain prefix; None for a plain code fence."""
    match = _DIRECTIVE.match(info.strip())
    return match.group(1).rsplit(":", 1)[-1].lower() if match else None


def find_raw(text: str, first_line: int = 1, depth: int = 0) -> Iterator[tuple[int, str, str]]:
    """(line, message key, what) for each piece of raw HTML or raw directive in MyST
    ``text`` whose first line is ``first_line`` of its file."""
    if depth == 0 and not _CANDIDATE.search(text):
        return  # the common case: nothing that could be raw, and no parser needed
    for token in _parser().parse(text):
        line = first_line + (token.map[0] if token.map else 0)
        if token.type == "html_block" and not comments_only(token.content):
            yield line, "raw-html", snippet(token.content)
        elif token.type == "inline" and token.children:
            breaks = 0
            for child in token.children:
                if child.type in ("softbreak", "hardbreak"):
                    breaks += 1
                elif child.type == "html_inline" and not comments_only(child.content):
                    yield line + breaks, "raw-html", snippet(child.content)
        elif token.type in ("fence", "colon_fence"):
            name = directive_name(token.info)
            if name in RAW_DIRECTIVES:
                yield line, "raw-directive", name
            elif name is not None and name not in LITERAL_DIRECTIVES \
                    and depth < MAX_DIRECTIVE_DEPTH:
                yield from find_raw(token.content, line + 1, depth + 1)


def check_document(doc: Document, first_line: int, text: str) -> list[Problem]:
    if allows_raw_html(doc.data):
        return []
    problems: list[Problem] = []
    more = 0
    for line, key, what in find_raw(text, first_line):
        if len(problems) < MAX_PER_FILE:
            problems.append(Problem("keikaku.raw-html", doc.rel, line, key, {"what": what}))
        else:
            more += 1
    if more:
        problems.append(Problem("keikaku.raw-html", doc.rel, None, "more-raw-html",
                                {"count": more}))
    return problems


def check(sources: Sources) -> list[Problem]:
    """Raw HTML and raw directives in measure bodies and pages."""
    problems: list[Problem] = []
    for doc in [*sources.measures, *sources.pages]:
        problems += check_document(doc, doc.body_line, doc.body)
    return problems
