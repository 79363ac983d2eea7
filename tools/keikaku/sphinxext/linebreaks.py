"""No space where a source line wraps inside Japanese text.

Pages wrap long paragraphs across lines, and MyST keeps each wrap as a newline in the
text. Between two Japanese characters a reader expects nothing there (CSS Text 3 says
the break disappears), but Chromium, WebKit and WeasyPrint draw it as a space:
「時間を 測った」. So a newline, with the blanks around it, is removed where the
characters on both sides are wide (kana, kanji, full-width forms and punctuation),
looking into the neighbouring nodes at a node's edges (「**表**\\nの」). Code, literal
blocks, raw HTML and comments keep their text as written; a newline beside a Latin
letter or a digit stays a space (「Sphinx\\nの」 → 「Sphinx の」).
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.transforms import SphinxTransform

# Wide characters, by code point: CJK punctuation, kana, kanji (and extension A),
# compatibility kanji, full-width forms.
WIDE_BLOCKS = ((0x3000, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
               (0xFF01, 0xFF60), (0xFFE0, 0xFFE6))
WIDE = "".join(f"\\u{first:04x}-\\u{last:04x}" for first, last in WIDE_BLOCKS)  # for re
_BREAK = re.compile(f"(?<=[{WIDE}])[ \\t]*\\n[ \\t]*(?=[{WIDE}])")
# Text kept as written: code, literal blocks, raw HTML, math, comments.
_KEEP = (nodes.FixedTextElement, nodes.literal, nodes.raw, nodes.math, nodes.comment)


def join_wide_lines(text: str, before: str = "", after: str = "") -> str:
    """``text`` without the line breaks between wide characters; ``before`` and
    ``after`` are the characters next to it in the paragraph (or "")."""
    if "\n" not in text:
        return text
    joined = _BREAK.sub("", before[-1:] + text + after[:1])
    return joined[len(before[-1:]):len(joined) - len(after[:1])]


def _neighbour_text(node: nodes.Node, step: int) -> str:
    """The text next to ``node`` in its paragraph: its sibling's, or, at the edge of an
    inline element (emphasis, a link), the text next to that element."""
    while node.parent is not None:
        parent = node.parent
        index = _index(parent, node) + step
        if 0 <= index < len(parent):
            return parent[index].astext()
        if not isinstance(parent, nodes.Inline):
            return ""  # the edge of the paragraph
        node = parent
    return ""


class JoinWideLines(SphinxTransform):
    """Remove the line breaks between wide characters in a page's text (see above)."""

    default_priority = 400  # after the text is parsed, before anything reads it

    def apply(self, **kwargs: object) -> None:
        for text in list(self.document.findall(nodes.Text)):
            if "\n" not in text:  # MyST gives each soft break a Text node of its own
                continue
            parent = text.parent
            if parent is None or any(isinstance(a, _KEEP) for a in _ancestors(text)):
                continue
            before = _neighbour_text(text, -1) if text.startswith(("\n", " ", "\t")) else ""
            after = _neighbour_text(text, +1) if text.endswith(("\n", " ", "\t")) else ""
            joined = join_wide_lines(str(text), before, after)
            if joined == "":
                del parent[_index(parent, text)]
            elif joined != text:
                parent[_index(parent, text)] = nodes.Text(joined)


def _index(parent: nodes.Element, node: nodes.Node) -> int:
    """The place of ``node`` among its parent's children. Not ``parent.index``: Text
    nodes are strings, and it would find the first equal one (another "\n")."""
    return next(i for i, child in enumerate(parent.children) if child is node)


def _ancestors(node: nodes.Node):  # type: ignore[no-untyped-def]
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent
