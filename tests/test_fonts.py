"""The PDF is set in the bundled font alone, on a machine with no fonts installed
(the ``pdf_build`` fixture builds it under an empty fontconfig)."""

from __future__ import annotations

import re
from pathlib import Path

from keikaku.sphinxext import fonts


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
    page = fonts.draw_missing_glyphs((pdf_build.parent / "index.html").read_text(encoding="utf-8"))
    text = fonts.text_of_html(page)
    assert "休日・夜間診療体制確保事業" in text
    for font in fonts.bundled_fonts():
        assert fonts.missing_characters(text, font.path) == [], font.path.name


def test_a_character_the_font_lacks_is_found() -> None:
    regular = fonts.bundled_fonts()[0].path
    page = "<p>679日/803日≒84％ &#x1F3EF;</p><script>var x = '☃';</script>"
    assert fonts.missing_characters(fonts.text_of_html(page), regular) == ["≒", "\U0001f3ef"]
    # ≒ is drawn as SVG in the PDF; the castle still has no glyph.
    drawn = fonts.text_of_html(fonts.draw_missing_glyphs(page))
    assert fonts.missing_characters(drawn, regular) == ["\U0001f3ef"]
    assert fonts.describe(["≒"]) == "≒ (U+2252)"


def test_the_pdf_stylesheet_sets_every_element_in_the_bundled_family() -> None:
    css = fonts.pdf_font_css(fonts.bundled_fonts())
    assert css.count("@font-face") == 2
    assert f'*, *::before, *::after {{ font-family: "{fonts.FAMILY}" !important; }}' in css
    assert "sans-serif" not in css and "monospace" not in css


def test_the_bundled_font_draws_every_character_of_the_site(html_site: Path) -> None:
    regular = fonts.bundled_fonts()[0].path
    missing = {}
    for page in sorted(html_site.rglob("*.html")):
        chars = fonts.missing_characters(fonts.text_of_html(page.read_text("utf-8")), regular)
        if chars:
            missing[page.relative_to(html_site).as_posix()] = fonts.describe(chars)
    assert missing == {}


def test_the_web_font_holds_every_character_of_the_site(html_site: Path) -> None:
    """The subset the site ships covers its pages, and is cut to them (small)."""
    text = "".join(fonts.text_of_html(p.read_text("utf-8")) for p in html_site.rglob("*.html"))
    assert "≒" not in text  # drawn as SVG, like in the PDF
    for style in fonts.WEIGHTS:
        woff2 = html_site / fonts.WEB_FONT_DIR / fonts.web_font_name(style)
        assert fonts.missing_characters(text, woff2) == [], style
        assert woff2.stat().st_size < 600_000, "the subset should hold the site's characters only"


def test_the_web_font_is_written_again_only_when_the_characters_change(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<p>23\u3000施策</p>", encoding="utf-8")
    assert fonts.write_web_fonts(tmp_path) is True
    assert fonts.write_web_fonts(tmp_path) is False
    (tmp_path / "b.html").write_text("<p>懇談会</p>", encoding="utf-8")
    assert fonts.write_web_fonts(tmp_path) is True
    woff2 = tmp_path / fonts.WEB_FONT_DIR / fonts.web_font_name("regular")
    assert fonts.missing_characters("施策懇談会", woff2) == []
    # The ideographic space is a glyph too: without it the site showed 「23□施策」.
    assert 0x3000 in fonts.character_map(woff2)
    assert fonts.missing_characters("議", woff2) == ["議"]


def test_a_rebuild_reads_only_the_pages_written_since(tmp_path: Path, monkeypatch) -> None:
    """The characters of each page are kept between builds (outside the site); only a
    page whose size or time of change differs is read again, and a page removed no
    longer counts."""
    import os

    site, store = tmp_path / "html", tmp_path / "doctrees" / "pages.json"
    site.mkdir()
    for name, text in (("a", "施策"), ("b", "懇談会"), ("c", "議会")):
        (site / f"{name}.html").write_text(f"<p>{text}</p>", encoding="utf-8")
    assert set("".join(fonts.page_characters(site, store).values())) >= set("施策懇談会議")
    read: list[str] = []
    real = fonts.text_of_html
    monkeypatch.setattr(fonts, "text_of_html", lambda html: read.append(html) or real(html))
    (site / "b.html").write_text("<p>計画</p>", encoding="utf-8")
    stat = (site / "b.html").stat()  # a clock too coarse to tell: the size tells
    os.utime(site / "b.html", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    (site / "c.html").unlink()
    chars = set("".join(fonts.page_characters(site, store).values()))
    assert read == ["<p>計画</p>"]
    assert "計" in chars and "懇" not in chars and "議" not in chars and "施" in chars
    store.write_text("{not json", encoding="utf-8")  # a broken store: every page is read
    read.clear()
    assert fonts.page_characters(site, store) and len(read) == 2
