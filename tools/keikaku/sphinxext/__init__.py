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

from sphinx.application import Sphinx
from sphinx.config import Config

from .. import __version__
from . import card, changes, population, revision, summaries
from .ids import UniqueSectionIds
from .pdf import PdfBuilder
from .roles import ValueRole
from .sources import on_source_read
from .state import load, result_for

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


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    """Write the open-data files next to the HTML pages."""
    if exception is not None or app.builder.format != "html" or app.builder.name != "html":
        return
    plan = result_for(app.env).plan
    if plan is None:
        return
    from ..export import to_csv, to_json_data

    out = Path(app.outdir) / "data"
    out.mkdir(parents=True, exist_ok=True)
    (out / "keikaku-plan.json").write_text(
        json.dumps(to_json_data(plan), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (out / "keikaku-plan.csv").write_text(to_csv(plan), encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("keikaku_root", "", "env", types=frozenset({str}))
    app.add_config_value("keikaku_lang", "ja", "env", types=frozenset({str}))
    app.add_config_value("keikaku_pdf_name", "keikaku", "env", types=frozenset({str}))
    app.add_config_value("keikaku_pdf_subtitle", "", "env", types=frozenset({str}))
    app.add_config_value("keikaku_diff_base", "", "env", types=frozenset({str}))
    app.connect("config-inited", on_config_inited)
    app.connect("builder-inited", on_builder_inited)
    app.connect("source-read", on_source_read)
    app.connect("build-finished", on_build_finished)
    app.add_transform(UniqueSectionIds)
    app.add_directive("measure-card", card.MeasureCard)
    app.add_directive("structure-diagram", summaries.StructureDiagram)
    app.add_directive("agreement", summaries.Agreement)
    app.add_directive("directions-table", summaries.DirectionsTable)
    app.add_directive("budget-summary", summaries.BudgetSummary)
    app.add_directive("errata-list", summaries.ErrataList)
    app.add_directive("data-downloads", summaries.DataDownloads)
    app.add_directive("rule-catalogue", summaries.RuleCatalogue)
    app.add_directive("plan-changes", changes.PlanChanges)
    app.add_directive("comment-table", revision.CommentTable)
    app.add_directive("comment-counts", revision.CommentCounts)
    app.add_directive("measure-comments", revision.MeasureComments)
    app.add_directive("comparison-table", revision.ComparisonTable)
    app.add_directive("population-table", population.PopulationTableDirective)
    app.add_directive("land-area-table", population.LandAreaTable)
    app.add_role("value", ValueRole())
    app.add_css_file("keikaku.css")
    app.add_html_theme("keikaku_pdf", str(HERE / "theme" / "keikaku_pdf"))
    app.add_builder(PdfBuilder)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
