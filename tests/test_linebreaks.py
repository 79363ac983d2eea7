"""A source line that wraps inside Japanese text leaves no space (sphinxext/linebreaks.py)."""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document

from keikaku.sphinxext.linebreaks import WIDE, JoinWideLines, join_wide_lines

from .conftest import REPO
from .test_site import page_text


def test_a_break_between_wide_characters_is_removed() -> None:
    assert join_wide_lines("時間を\n測った") == "時間を測った"
    assert join_wide_lines("結果を \n  記録、\n「引用」") == "結果を記録、「引用」"
    assert join_wide_lines("Sphinx\nの") == "Sphinx\nの"  # beside a Latin letter: a space
    assert join_wide_lines("計画\n2024年") == "計画\n2024年"
    assert join_wide_lines("\n続き", before="表") == "続き"
    assert join_wide_lines("前\n", after="x") == "前\n"


def _document(*children: nodes.Node) -> nodes.document:
    doc = new_document("test", get_default_settings(Parser))
    doc += nodes.paragraph("", "", *children)
    return doc


def test_the_transform_looks_across_inline_elements_and_keeps_code() -> None:
    doc = _document(nodes.strong("", "太字"), nodes.Text("\nの続き\nです"),
                    nodes.literal("", "コード\nそのまま"), nodes.Text("\n後"))
    JoinWideLines(doc).apply()
    assert doc.astext() == "太字の続きですコード\nそのまま後"
    code = nodes.literal_block("", "一行目\n二行目")
    doc = _document()
    doc += code
    JoinWideLines(doc).apply()
    assert code.astext() == "一行目\n二行目"


def test_the_site_s_wrapped_japanese_lines_read_without_a_space(html_site: Path) -> None:
    """Every wrap between two wide characters in the source of a page reads joined on
    the page (the check page: its paragraphs wrap many lines)."""
    source = (REPO / "docs" / "benchmarks.md").read_text(encoding="utf-8")
    pairs = re.findall(f"([{WIDE}]{{2}})\\n([{WIDE}]{{2}})", source)
    assert len(pairs) > 10
    text = page_text(html_site / "docs" / "benchmarks.html")
    spaced = [a + " " + b for a, b in pairs if a + " " + b in text]
    assert spaced == []
    assert sum(a + b in text for a, b in pairs) > len(pairs) // 2


def test_a_soft_break_of_its_own_is_removed_between_wide_text() -> None:
    """MyST gives each soft line break a Text node of its own."""
    doc = _document(nodes.Text("時間を"), nodes.Text("\n"), nodes.Text("測った"),
                    nodes.Text("\n"), nodes.Text("Sphinx"))
    JoinWideLines(doc).apply()
    assert doc.astext() == "時間を測った\nSphinx"


def test_each_soft_break_is_judged_by_its_own_neighbours() -> None:
    """Text nodes are strings: the second "\\n" is not mistaken for the first."""
    doc = _document(nodes.Text("計画"), nodes.Text("\n"), nodes.Text("Python"),
                    nodes.Text("\n"), nodes.Text("少し"), nodes.Text("\n"), nodes.Text("ずつ"))
    JoinWideLines(doc).apply()
    assert doc.astext() == "計画\nPython\n少しずつ"
