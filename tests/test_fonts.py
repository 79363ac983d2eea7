"""The PDF is set in the bundled font alone, on a machine with no fonts installed
(the ``pdf_build`` fixture builds it under an empty fontconfig)."""

from __future__ import annotations

import re
from pathlib import Path

from keikaku.sphinxext import fonts
from keikaku.sphinxext.pdf import draw_missing_glyphs


def _embedded_fonts(pdf: Path) -> set[str]:
    from pypdf import PdfReader

    names = set()
    for page in PdfReader(pdf).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            base = str(font.get_object()["/BaseFont"]).lstrip("/")
            names.add(base.split("+", 1)[-1])  # drop the subset tag ABCDEF+
    return names


def test_the_pdf_embeds_only_the_bundled_fonts(pdf_build: Path) -> None:
    family = fonts.FAMILY.replace(" ", "-")
    assert _embedded_fonts(pdf_build) == {family, f"{family}-Bold"}


def test_every_measure_name_can_be_read_from_the_pdf(pdf_build: Path, plan) -> None:
    from pypdf import PdfReader

    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(pdf_build).pages))
    missing = [m.name for m in plan.measures if m.name not in text]
    assert missing == []


def test_the_bundled_font_draws_every_character_of_the_pdf(pdf_build: Path) -> None:
    page = draw_missing_glyphs((pdf_build.parent / "index.html").read_text(encoding="utf-8"))
    text = fonts.text_of_html(page)
    assert "休日・夜間診療体制確保事業" in text
    for font in fonts.bundled_fonts():
        assert fonts.missing_characters(text, font.path) == [], font.path.name


def test_a_character_the_font_lacks_is_found() -> None:
    regular = fonts.bundled_fonts()[0].path
    page = "<p>679日/803日≒84％ &#x1F3EF;</p><script>var x = '☃';</script>"
    assert fonts.missing_characters(fonts.text_of_html(page), regular) == ["≒", "\U0001f3ef"]
    # ≒ is drawn as SVG in the PDF; the castle still has no glyph.
    drawn = fonts.text_of_html(draw_missing_glyphs(page))
    assert fonts.missing_characters(drawn, regular) == ["\U0001f3ef"]
    assert fonts.describe(["≒"]) == "≒ (U+2252)"


def test_the_pdf_stylesheet_sets_every_element_in_the_bundled_family() -> None:
    css = fonts.pdf_font_css(fonts.bundled_fonts())
    assert css.count("@font-face") == 2
    assert f'*, *::before, *::after {{ font-family: "{fonts.FAMILY}" !important; }}' in css
    assert "sans-serif" not in css and "monospace" not in css
