"""The Japanese PDF: Sphinx's single-page HTML, laid out for A4 by WeasyPrint.

``sphinx-build -b keikakupdf . _build/pdf`` writes ``index.html`` with a cover
and a table of contents (theme ``keikaku_pdf``), then ``<keikaku_pdf_name>.pdf``
with page numbers, contents page numbers (``target-counter``), bookmarks from
the headings, and Noto Sans CJK JP (from PyPI's ``noto-cjk``) embedded.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.environment.adapters.toctree import global_toctree_for_doc
from sphinx.locale import __
from sphinx.util import logging
from sphinx.util.display import progress_message

from . import fonts
from .state import plan_for

logger = logging.getLogger("keikaku")
SECTION_HREF = re.compile(r'href="#document-[^"#]*#([^"]+)"')
DOC_HREF = re.compile(r'href="#(document-[^"#]+)"')
DOC_SECTION = re.compile(r'<span id="(document-[^"]+)"></span>\s*<section id="([^"]+)"')
# Chapters, sections, areas, fields, directions and measures.
TOC_DEPTH = 6


def fix_toc_links(toc: str, body: str) -> str:
    """Point every contents entry at its heading's section, so that the page number
    (target-counter) is the heading's page: singlehtml links sections as
    '#document-<doc>#<id>' and pages as '#document-<doc>', an empty span that may
    stay on the page before the heading."""
    first_section = dict(DOC_SECTION.findall(body))
    toc = SECTION_HREF.sub(r'href="#\1"', toc)
    return DOC_HREF.sub(lambda m: f'href="#{first_section.get(m.group(1), m.group(1))}"', toc)


# Glyphs that Noto Sans CJK JP lacks, drawn as inline SVG so that the PDF needs no
# other font on the machine (≒, U+2252, as in 679日/803日≒84％).
MISSING_GLYPHS = {
    "≒": (
        '<svg class="keikaku-glyph" role="img" aria-label="≒" viewBox="0 0 10 10" '
        'width="0.9em" height="0.9em"><g stroke="currentColor" stroke-width="0.8" '
        'fill="currentColor"><line x1="1" y1="4" x2="9" y2="4"/>'
        '<line x1="1" y1="6.5" x2="9" y2="6.5"/><circle cx="2" cy="1.6" r="0.7"/>'
        '<circle cx="8" cy="8.9" r="0.7"/></g></svg>'
    ),
}


def draw_missing_glyphs(html: str) -> str:
    """Replace characters the embedded font lacks (in text, not in tags)."""
    parts = re.split(r"(<[^>]*>)", html)
    for i, part in enumerate(parts):
        if part and not part.startswith("<"):
            for char, svg in MISSING_GLYPHS.items():
                part = part.replace(char, svg)
            parts[i] = part
    return "".join(parts)


class PdfBuilder(SingleFileHTMLBuilder):
    name = "keikakupdf"
    epilog = __("The PDF is in %(outdir)s.")
    search = False

    def get_theme_config(self) -> tuple[str, dict[str, Any]]:
        return "keikaku_pdf", {}

    def get_doc_context(self, docname: str, body: str, metatags: str) -> dict[str, Any]:
        context = super().get_doc_context(docname, body, metatags)
        toctree = global_toctree_for_doc(self.env, self.config.root_doc, self, tags=self.tags,
                                         collapse=False, maxdepth=TOC_DEPTH)
        context["toc"] = fix_toc_links(self.render_partial(toctree)["fragment"] if toctree
                                       else "", body)
        plan = plan_for(self.env)
        context["cover"] = {
            "title": plan.name,
            "draft": self.config.keikaku_pdf_subtitle,
            "municipalities": "・".join(m.name for m in plan.municipalities),
            "period": f"{plan.period_start}年度〜{plan.period_end}年度",
        }
        return context

    def finish(self) -> None:
        super().finish()
        self.write_pdf()

    def pdf_path(self) -> Path:
        return Path(self.outdir) / f"{self.config.keikaku_pdf_name}.pdf"

    def write_pdf(self) -> None:
        with warnings.catch_warnings():
            # WeasyPrint warns on import when the machine has no font; the PDF brings its own.
            warnings.filterwarnings("ignore", message="No fonts configured in FontConfig")
            from weasyprint import CSS, HTML
            from weasyprint.text.fonts import FontConfiguration

        index = Path(self.outdir) / "index.html"
        html = draw_missing_glyphs(index.read_text(encoding="utf-8"))
        try:
            files = fonts.bundled_fonts()
        except fonts.FontMissing as exc:
            logger.warning("the bundled Japanese font is missing (%s): the PDF would show "
                           "boxes", exc, type="keikaku", subtype="pdf-font")
            return
        missing = fonts.missing_characters(fonts.text_of_html(html), files[0].path)
        if missing:
            logger.warning("characters the bundled font cannot draw (they would print as "
                           "boxes): %s; add each to MISSING_GLYPHS in %s or write it "
                           "differently", fonts.describe(missing), Path(__file__).name,
                           type="keikaku", subtype="pdf-font")
        # One FontConfiguration for the @font-face rules and the layout: without it
        # WeasyPrint ignores @font-face and sets the text in the machine's fonts.
        font_config = FontConfiguration()
        with progress_message(__("writing PDF")):
            css = CSS(string=fonts.pdf_font_css(files), font_config=font_config)
            HTML(string=html, base_url=str(index)).write_pdf(
                self.pdf_path(), stylesheets=[css], font_config=font_config)
        logger.info("PDF: %s", self.pdf_path())
