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

from ..values import render_text
from . import fonts
from .state import plan_for
from .texts import site_lang, site_text

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
        lang = site_lang(self)
        context["cover"] = {
            "title": plan.name,
            "draft": render_text(plan, self.config.keikaku_pdf_subtitle),
            "municipalities": site_text("name-sep", lang).join(
                m.name for m in plan.municipalities),
            "period": site_text("period", lang, start=plan.period_start, end=plan.period_end),
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
        html = fonts.draw_missing_glyphs(index.read_text(encoding="utf-8"))
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
                           "differently", fonts.describe(missing), Path(fonts.__file__).name,
                           type="keikaku", subtype="pdf-font")
        # One FontConfiguration for the @font-face rules and the layout: without it
        # WeasyPrint ignores @font-face and sets the text in the machine's fonts.
        font_config = FontConfiguration()
        with progress_message(__("writing PDF")):
            css = CSS(string=fonts.pdf_font_css(files), font_config=font_config)
            HTML(string=html, base_url=str(index)).write_pdf(
                self.pdf_path(), stylesheets=[css], font_config=font_config)
        logger.info("PDF: %s", self.pdf_path())
