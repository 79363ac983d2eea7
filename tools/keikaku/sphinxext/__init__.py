"""Sphinx extension: the plan rendered from its data.

``extensions = ["myst_parser", "sphinx_design", "keikaku.sphinxext"]`` in conf.py.
The plan is loaded and checked once when the builder starts; problems become
warnings with file and line (so ``-W`` fails the build on bad data). Measure
pages and the chapters of Ⅳ are generated when read; directives render cards
and tables; the ``{value}`` role puts data into prose.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

from .. import __version__
from . import (
    archive,
    card,
    changes,
    charts,
    collector,
    fonts,
    navigation,
    population,
    progress,
    revision,
    summaries,
)
from .ids import UniqueSectionIds
from .linebreaks import JoinWideLines
from .pdf import PdfBuilder
from .rawguard import RawGuard
from .roles import ValueRole
from .search import KeikakuJapanese
from .sources import on_source_read
from .state import load, result_for
from .tables import attributed_entry, depart_attributed_entry, visit_attributed_entry
from .texts import site_lang, site_text

HERE = Path(__file__).parent


def on_config_inited(app: Sphinx, config: Config) -> None:
    config.html_static_path = [*config.html_static_path, str(HERE / "static")]
    if config.keikaku_lang not in ("ja", "en"):
        from sphinx.util import logging

        logging.getLogger("keikaku").warning(
            "keikaku_lang must be 'ja' or 'en' (got %r); using 'ja'", config.keikaku_lang,
            type="keikaku", subtype="config")
        config.keikaku_lang = "ja"


def on_builder_inited(app: Sphinx) -> None:
    load(app)
    collector.tune(app)  # after the plan is loaded: it lives as long as the build


class scroll_box(nodes.General, nodes.Element):  # lower case, as docutils names nodes
    """A box that scrolls sideways; keyboard users can focus it to scroll."""


def visit_scroll_box(self, node: scroll_box) -> None:
    label = self.attval(node["label"])
    self.body.append(f'<div class="keikaku-scroll" tabindex="0" role="region" '
                     f'aria-label="{label}">')


def depart_scroll_box(self, node: scroll_box) -> None:
    self.body.append("</div>")


def wrap_wide_tables(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Put each generated table in a box that scrolls sideways on a narrow screen,
    so that the page itself never does (a card's inner tables stay in the card)."""
    for table in list(doctree.findall(nodes.table)):
        if "keikaku-table" not in table["classes"]:
            continue
        parent = table.parent
        if isinstance(parent, nodes.entry | scroll_box):
            continue
        titles = list(table.findall(nodes.title))
        box = scroll_box(classes=["keikaku-scroll"], label=titles[0].astext() if titles
                         else site_text("table", site_lang(app)))
        parent.replace(table, box)
        box += table


CAPTION_HEADING = '<p class="caption" role="heading">'


def _with_heading_level(html: str) -> str:
    """Sphinx gives toctree captions role=heading without the aria-level it requires."""
    return html.replace(CAPTION_HEADING, '<p class="caption" role="heading" aria-level="2">')


def on_html_page_context(app: Sphinx, pagename: str, templatename: str,
                         context: dict[str, Any], doctree: nodes.document | None) -> None:
    if "body" in context:
        context["body"] = fonts.draw_missing_glyphs(_with_heading_level(context["body"]))
    toctree = context.get("toctree")
    if callable(toctree):
        if navigation.draws_sidebar_as_html(app.builder):
            # Resolved once per place in the toctrees, not once per page (navigation.py).
            toctree = navigation.cached_toctree(app.builder, pagename)
        context["toctree"] = lambda *args, **kwargs: _with_heading_level(toctree(*args, **kwargs))


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    """Write the web fonts and the open-data files next to the HTML pages."""
    if exception is not None or app.builder.format != "html" or app.builder.name != "html":
        return
    write_site_fonts(app)
    plan = result_for(app.env).plan
    if plan is None:
        return
    from ..export import to_csv, to_json_data

    out = Path(app.outdir) / "data"
    out.mkdir(parents=True, exist_ok=True)
    (out / "keikaku-plan.json").write_text(
        json.dumps(to_json_data(plan), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (out / "keikaku-plan.csv").write_text(to_csv(plan), encoding="utf-8")


def write_site_fonts(app: Sphinx) -> None:
    """The bundled font cut to the characters of the pages (see fonts.py)."""
    from sphinx.util import logging
    from sphinx.util.display import progress_message

    try:
        with progress_message("writing the Japanese web font"):
            fonts.write_web_fonts(Path(app.outdir), Path(app.doctreedir) / "keikaku-pages.json")
    except fonts.FontMissing as exc:
        logging.getLogger("keikaku").warning(
            "the bundled Japanese font is missing (%s): readers without a Japanese font "
            "will see boxes", exc, type="keikaku", subtype="web-font")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("keikaku_root", "", "env", types=frozenset({str}))
    app.add_config_value("keikaku_lang", "ja", "env", types=frozenset({str}))
    app.add_config_value("keikaku_pdf_name", "keikaku", "env", types=frozenset({str}))
    app.add_config_value("keikaku_pdf_subtitle", "", "env", types=frozenset({str}))
    app.add_config_value("keikaku_diff_base", "", "env", types=frozenset({str}))
    # True for a plan that is published: the build checks as `keikaku check --strict`.
    app.add_config_value("keikaku_strict", False, "env", types=frozenset({bool}))
    # False: Python's garbage collector as it is (collector.py), for less memory.
    app.add_config_value("keikaku_gc_tuning", True, "", types=frozenset({bool}))
    app.connect("config-inited", on_config_inited)
    app.connect("builder-inited", on_builder_inited)
    app.connect("source-read", on_source_read)
    app.connect("build-finished", on_build_finished)
    app.connect("doctree-resolved", wrap_wide_tables)
    app.connect("doctree-resolved", archive.unlink_sources_outside_html)
    app.connect("build-finished", archive.copy_archive_text)
    app.connect("html-page-context", on_html_page_context)
    app.connect("write-started", navigation.reset)
    app.add_transform(UniqueSectionIds)
    app.add_transform(RawGuard)
    app.add_transform(JoinWideLines)
    app.add_node(scroll_box, html=(visit_scroll_box, depart_scroll_box))
    app.add_node(attributed_entry, html=(visit_attributed_entry, depart_attributed_entry))
    app.add_directive("measure-card", card.MeasureCard)
    app.add_directive("structure-diagram", summaries.StructureDiagram)
    app.add_directive("agreement", summaries.Agreement)
    app.add_directive("directions-table", summaries.DirectionsTable)
    app.add_directive("budget-summary", summaries.BudgetSummary)
    app.add_directive("errata-list", summaries.ErrataList)
    app.add_directive("source-archive", archive.SourceArchive)
    app.add_directive("measure-errata", summaries.MeasureErrata)
    app.add_directive("data-downloads", summaries.DataDownloads)
    app.add_directive("rule-catalogue", summaries.RuleCatalogue)
    app.add_directive("number-audit", summaries.NumberAudit)
    app.add_directive("check-example", summaries.CheckExample)
    app.add_directive("plan-changes", changes.PlanChanges)
    app.add_directive("comment-table", revision.CommentTable)
    app.add_directive("comment-counts", revision.CommentCounts)
    app.add_directive("measure-comments", revision.MeasureComments)
    app.add_directive("comparison-table", revision.ComparisonTable)
    app.add_directive("population-table", population.PopulationTableDirective)
    app.add_directive("land-area-table", population.LandAreaTable)
    app.add_node(charts.chart_svg, html=(charts.visit_chart_svg, None),
                 text=(charts.skip_chart_svg, None), latex=(charts.skip_chart_svg, None))
    app.add_directive("kpi-charts", charts.KpiCharts)
    app.add_directive("budget-chart", charts.BudgetChart)
    app.add_directive("population-chart", charts.PopulationChart)
    app.add_directive("progress-table", progress.ProgressTable)
    app.add_directive("grading-table", progress.GradingTable)
    app.add_directive("plan-at-a-glance", progress.PlanAtAGlance)
    app.add_role("value", ValueRole())
    app.add_css_file("keikaku-font.css")
    app.add_css_file("keikaku.css")
    app.add_js_file("keikaku.js")
    app.add_html_theme("keikaku_pdf", str(HERE / "theme" / "keikaku_pdf"))
    app.add_builder(PdfBuilder)
    app.add_search_language(KeikakuJapanese)
    # Parallel-safe (tests/test_scale.py builds with -j 2 and -j 1 and compares): the
    # plan is loaded at builder-inited, before Sphinx forks, and only read after; pages
    # record their data files with note_dependency, which Sphinx merges; every other
    # cache (sidebars, diffs, the measure index) is per process and pure.
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
