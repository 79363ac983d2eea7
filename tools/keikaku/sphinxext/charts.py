"""Charts drawn at build time as SVG (matplotlib), set in the bundled Noto Sans CJK JP.

- ``{kpi-charts} <measure-id>``: each KPI's path (baseline, target, actuals, the line
  expected from baseline to target);
- ``{budget-chart}``: the budget by fiscal year and 政策分野 (stacked bars);
- ``{population-chart}``: the projection against the 展望人口 and the targets.

Each chart is an inline ``<svg role="img">`` named by its ``<title>`` and described by
its ``<desc>`` (in Japanese), followed by the table of its data. The text is drawn as
paths (``svg.fonttype: path``), so that neither a reader's fonts nor WeasyPrint's can
change it; the only font matplotlib knows is the bundled one. The SVG is the same byte
for byte from one build to the next: no date (``metadata Date: None``), ids from a
fixed salt (``svg.hashsalt``) and prefixed per chart (two charts on one page never
share an id). A drawing is made once per content: it is kept in keikaku's cache
(``$XDG_CACHE_HOME/keikaku/charts``, shared by the site and the PDF builds) under the
hash of what it shows, so that a plan of many measures with the same KPI figures (a
synthetic plan) draws each figure once.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..model import NOT_AVAILABLE, Kpi, Plan
from ..numbers import fmt_number, round_to, to_decimal
from ..progress import achievement, grading_of
from . import fonts
from .state import note_data_dependencies, plan_for
from .tables import Cell, Span, table
from .texts import site_lang, site_list, site_text, sum_text

SALT = "keikaku"  # matplotlib's ids are hashes salted with this (else random)
FONT_SIZE = 11
# Colours told apart by line style and marker too, never by colour alone.
BLUE, ORANGE, GREY, GREEN = "#1a56b0", "#b35900", "#555555", "#2e7d32"
FIELD_COLOURS = ("#1a56b0", "#b35900", "#2e7d32", "#8e24aa", "#c62828", "#00838f",
                 "#6d4c41", "#546e7a", "#ad1457", "#827717")
HATCHES = ("", "//", "..", "xx", "\\\\", "--", "++", "oo", "**", "||")


class chart_svg(nodes.General, nodes.Element):  # lower case, as docutils names nodes
    """An inline SVG chart (HTML builders only)."""


def visit_chart_svg(self, node: chart_svg) -> None:
    self.body.append(node["svg"])
    raise nodes.SkipNode


def skip_chart_svg(self, node: chart_svg) -> None:
    raise nodes.SkipNode


@dataclass
class Chart:
    """What a chart shows: its id, accessible name and description, its data table
    (header and rows) and the drawing spec (JSON-able: what the cache is keyed on)."""

    id: str
    title: str
    description: str
    header: list[str]
    rows: list[list[str]]
    spec: dict[str, Any] = field(default_factory=dict)


@cache
def _register_fonts() -> str:
    """Register the bundled files with matplotlib's font manager; the family's name."""
    from matplotlib import font_manager

    files = fonts.bundled_fonts()
    for f in files:
        font_manager.fontManager.addfont(str(f.path))
    return font_manager.FontProperties(fname=str(files[0].path)).get_name()


def _number(value: float) -> str:
    return fmt_number(round_to(value, 1)) if to_decimal(value) != round_to(value, 0) \
        else fmt_number(value)


def _tick(value: float, _position: object = None) -> str:
    value = float(value)  # numpy's float
    return fmt_number(round_to(value, 0)) if abs(value) >= 10 else _number(value)


def _values(spec: dict[str, Any]) -> list[float]:
    """The values a chart plots (bars: each year's stacked total)."""
    if spec["kind"] == "bars":
        return [sum(v[i] for _, v in spec["series"]) for i in range(len(spec["x"]))]
    return [y for line in spec["lines"] for _, y in line["points"]]


def _draw(chart: Chart) -> str:
    """The chart's SVG as matplotlib writes it."""
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    family = _register_fonts()
    spec = chart.spec
    params = {"font.family": [family], "font.size": FONT_SIZE, "svg.fonttype": "path",
              "svg.hashsalt": SALT, "axes.unicode_minus": False,
              "axes.spines.top": False, "axes.spines.right": False}
    with matplotlib.rc_context(params):
        # Small in inches, so that the text stays readable when the SVG is scaled to a
        # phone's width. Fixed margins: a constrained layout draws every chart twice.
        bars = spec["kind"] == "bars"
        fig = Figure(figsize=(4.4, 4.6 if bars else 3.1))
        widest = max((len(_tick(v)) for v in _values(spec)), default=3)
        fig.subplots_adjust(left=0.1 + 0.02 * widest, right=0.97, top=0.97,
                            bottom=0.42 if bars else 0.16)
        ax = fig.subplots()
        if spec["kind"] == "bars":
            bottom = [0.0] * len(spec["x"])
            for i, (label, values) in enumerate(spec["series"]):
                ax.bar(spec["x"], values, bottom=bottom, label=label,
                       color=FIELD_COLOURS[i % len(FIELD_COLOURS)],
                       hatch=HATCHES[i % len(HATCHES)], edgecolor="white", linewidth=0.5)
                bottom = [b + v for b, v in zip(bottom, values, strict=True)]
            ax.set_xticks(spec["x"])
            ax.legend(fontsize=FONT_SIZE - 2, loc="upper center", ncols=2,
                      bbox_to_anchor=(0.42, -0.17), frameon=False)
        else:
            for line in spec["lines"]:
                if not line["points"]:
                    continue  # a series with nothing to draw has no place in the legend
                xs, ys = zip(*line["points"], strict=True)
                ax.plot(xs, ys, label=line["label"], color=line["colour"],
                        linestyle=line.get("style", "-"), marker=line.get("marker"),
                        markersize=line.get("size", 6), linewidth=line.get("width", 1.8))
            ax.set_xticks(spec.get("ticks", spec["x"]))
            ax.legend(fontsize=FONT_SIZE - 1, loc=spec.get("legend", "best"), frameon=False)
        ax.set_xlabel(spec["xlabel"])
        ax.set_ylabel(spec["ylabel"])
        ax.yaxis.set_major_formatter(FuncFormatter(_tick))
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


_XML_HEAD = re.compile(r"^.*?(?=<svg\b)", re.S)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
_SIZE = re.compile(r'\s(width|height)="[^"]*"')
_ID_USE = re.compile(r'(\bid="|"#|url\(#)([^")]+)')


def inline_svg(svg: str, chart: Chart) -> str:
    """matplotlib's SVG as an element of the page: no XML head nor metadata, sized by
    CSS, every id (and every reference to one) prefixed by the chart's, named and
    described for assistive technology."""
    svg = _METADATA.sub("", _XML_HEAD.sub("", svg, count=1))
    svg = _ID_USE.sub(lambda m: f"{m.group(1)}{chart.id}-{m.group(2)}", svg)
    head, rest = svg.split(">", 1)
    head = _SIZE.sub("", head)
    title, desc = f"{chart.id}-title", f"{chart.id}-desc"
    head += (f' class="keikaku-chart-svg" role="img" aria-labelledby="{title}" '
             f'aria-describedby="{desc}" focusable="false"')
    return (f'{head}><title id="{title}">{html.escape(chart.title)}</title>'
            f'<desc id="{desc}">{html.escape(chart.description)}</desc>{rest}').strip()


@cache
def _drawing_code() -> str:
    """The hash of this module's source: a change of the drawing redraws every cached
    chart, with no version number to remember to bump."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def render_svg(chart: Chart, cache_dir: Path | None) -> str:
    """The chart's inline SVG. The drawing is cached under the hash of what it shows
    (not of the chart's id): charts of the same data are drawn once, whatever the page."""
    import matplotlib

    key = hashlib.sha256(json.dumps(
        [_drawing_code(), matplotlib.__version__, chart.spec], ensure_ascii=False,
        sort_keys=True).encode()).hexdigest()[:32]
    path = cache_dir / f"{key}.svg" if cache_dir else None
    if path is not None and path.is_file():
        drawn = path.read_text(encoding="utf-8")
    else:
        drawn = _draw(chart)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(drawn, encoding="utf-8")
    return inline_svg(drawn, chart)


def chart_nodes(directive: SphinxDirective, chart: Chart) -> list[nodes.Node]:
    """The chart and, beside it, the table of its data."""
    from ..cache import cache_dir

    lang = site_lang(directive)

    try:
        svg = render_svg(chart, cache_dir() / "charts")
    except fonts.FontMissing as exc:
        from sphinx.util import logging

        logging.getLogger("keikaku").warning(
            "the bundled Japanese font is missing (%s): chart %s not drawn", exc, chart.id,
            type="keikaku", subtype="chart", location=directive.get_location())
        svg = ""
    box = nodes.container(classes=["keikaku-chart"], ids=[chart.id])
    caption = nodes.paragraph(classes=["keikaku-chart-caption"])
    caption += nodes.strong(text=chart.title)
    box += caption
    inner = nodes.container(classes=["keikaku-chart-body"])
    figure = nodes.container(classes=["keikaku-chart-figure"])
    figure += chart_svg(svg=svg)
    inner += figure
    rows: list[list[Cell | Span]] = [list(r) for r in chart.rows]
    inner += table([2] + [2] * (len(chart.header) - 1), rows,
                   header=[list(chart.header)], classes=["keikaku-chart-data"],
                   caption=site_text("chart-data-caption", lang, title=chart.title),
                   stub_columns=1, numeric_from=1, scopes=True)
    box += inner
    return [box]


# -- the charts ---------------------------------------------------------------------------

def expected_value(k: Kpi, year: int) -> float:
    """The value on the straight line from baseline to target in ``year``."""
    start, end = k.baseline.fiscal_year, k.target.fiscal_year
    if end <= start:
        return k.target.value
    share = (min(max(year, start), end) - start) / (end - start)
    return k.baseline.value + (k.target.value - k.baseline.value) * share


def kpi_chart(plan: Plan, measure_id: str, index: int, k: Kpi, lang: str = "ja") -> Chart:
    start, end = k.baseline.fiscal_year, k.target.fiscal_year
    years = list(range(start, max(end, plan.period_end) + 1))
    actuals = {a.fiscal_year: a for a in k.actuals}
    shown = sorted((a.fiscal_year, a.value) for a in k.actuals if a.value is not None)
    unit = k.unit
    got = achievement(k, grading_of(plan))
    text = [site_text("kpi-chart-desc", lang, start=start, end=end, unit=unit,
                      baseline=fmt_number(k.baseline.value), target=fmt_number(k.target.value))]
    if shown:
        text.append(site_text("kpi-chart-actuals", lang, values=site_list(
            (site_text("kpi-chart-actual", lang, year=y, value=fmt_number(v), unit=unit)
             for y, v in shown), lang)))
    else:
        text.append(site_text("no-actuals", lang))
    if got:
        text.append(site_text("kpi-chart-achievement", lang, year=got.fiscal_year,
                              rate=fmt_number(got.rate, 1), grade=got.grade, label=got.label))
    rows = []
    for y in years:
        a = actuals.get(y)
        actual = "" if a is None else (NOT_AVAILABLE if a.value is None else
                                       f"{fmt_number(a.value)}{unit}")
        mark = ((site_text("baseline", lang) + " " if y == start else "")
                + (site_text("target", lang) + " " if y == end else ""))
        rows.append([site_text("fiscal-year", lang, year=y),
                     f"{_number(expected_value(k, y))}{unit}",
                     actual or "-", mark.strip() or "-"])
    spec = {
        "kind": "lines", "x": years, "xlabel": site_text("fiscal-year-heading", lang),
        "ylabel": site_text("chart-unit", lang, unit=unit),
        "lines": [
            {"label": site_text("kpi-chart-line", lang), "colour": GREY, "style": "--",
             "width": 1.4, "points": [[start, k.baseline.value], [end, k.target.value]]},
            {"label": site_text("actuals", lang), "colour": BLUE, "marker": "o",
             "points": [[y, v] for y, v in shown]},
            {"label": site_text("baseline", lang), "colour": GREEN, "marker": "s", "size": 8,
             "style": "none", "points": [[start, k.baseline.value]]},
            {"label": site_text("target", lang), "colour": ORANGE, "marker": "D", "size": 8,
             "style": "none", "points": [[end, k.target.value]]},
        ],
    }
    return Chart(f"chart-{measure_id}-{index + 1}",
                 site_text("kpi-chart-title", lang, name=k.name), "".join(text),
                 [site_text("fiscal-year-heading", lang), site_text("kpi-chart-line-value", lang),
                  site_text("actuals", lang), site_text("note", lang)], rows, spec)


def budget_chart(plan: Plan, lang: str = "ja") -> Chart:
    years = plan.fiscal_years
    fields = [f for f in plan.fields() if any(m.field is f for m in plan.measures)]
    # An undecided (未定) year counts as nothing in the bars; the table says which sums
    # leave one out, as the budget summary does.
    series = [(f.name, [sum(m.budget.get(y) or 0 for m in plan.measures if m.field is f)
                        for y in years]) for f in fields]
    open_years = [[any(m.field is f and m.budget.get(y, 0) is None for m in plan.measures)
                   for y in years] for f in fields]
    totals = [sum(v[i] for _, v in series) for i in range(len(years))]
    open_totals = [any(o[i] for o in open_years) for i in range(len(years))]
    rows = [[name, *(sum_text([v], o, lang) for v, o in zip(values, opens, strict=True)),
             sum_text(values, any(opens), lang)]
            for (name, values), opens in zip(series, open_years, strict=True)]
    rows.append([site_text("total", lang),
                 *(sum_text([v], o, lang) for v, o in zip(totals, open_totals, strict=True)),
                 sum_text(totals, any(open_totals), lang)])
    description = site_text("budget-chart-desc", lang, totals=site_list(
        (site_text("budget-chart-total", lang, year=y, amount=fmt_number(v))
         for y, v in zip(years, totals, strict=True)), lang))
    spec = {"kind": "bars", "x": years, "xlabel": site_text("fiscal-year-heading", lang),
            "ylabel": site_text("budget-thousand-yen", lang),
            "series": [[name, values] for name, values in series]}
    return Chart("chart-budget", site_text("budget-chart-title", lang), description,
                 [site_text("policy-field", lang),
                  *(site_text("fiscal-year", lang, year=y) for y in years),
                  site_text("total", lang)], rows, spec)


def population_chart(plan: Plan, lang: str = "ja") -> Chart | None:
    pop = plan.population
    if pop is None:
        return None
    projection = {y: g.get("total") for y, g in pop.projection.rows["sphere"].items()}
    prospect = {y: g.get("total") for y, g in pop.prospect.rows["sphere"].items()}
    targets = {t.year: t.population for t in pop.targets}
    years = sorted(set(projection) | set(prospect) | set(targets))

    def cell(v: int | None) -> str:
        return "-" if v is None else site_text("persons", lang, n=fmt_number(v))

    rows = [[site_text("year", lang, year=y), cell(projection.get(y)), cell(prospect.get(y)),
             cell(targets.get(y))] for y in years]
    description = site_text(
        "population-chart-desc", lang, projection=pop.projection.title,
        prospect=pop.prospect.title, targets=site_list(
            (site_text("population-target-item", lang, year=y, n=fmt_number(v))
             for y, v in sorted(targets.items())), lang))
    projected, prospective, target = (site_text(key, lang) for key in (
        "projected-population", "prospective-population", "population-target"))
    spec = {"kind": "lines", "x": years, "xlabel": site_text("year-heading", lang),
            "ylabel": site_text("population-persons", lang),
            "ticks": sorted(projection), "lines": [
        {"label": projected, "colour": GREY, "style": "--", "marker": "o",
         "points": [[y, v] for y, v in sorted(projection.items()) if v is not None]},
        {"label": prospective, "colour": BLUE, "marker": "s",
         "points": [[y, v] for y, v in sorted(prospect.items()) if v is not None]},
        {"label": target, "colour": ORANGE, "marker": "D", "size": 9,
         "style": "none", "points": [[y, v] for y, v in sorted(targets.items())]},
    ]}
    return Chart("chart-population", site_text("population-chart-title", lang), description,
                 [site_text("year-heading", lang), projected, prospective, target], rows, spec)


# -- directives ---------------------------------------------------------------------------

class KpiCharts(SphinxDirective):
    """``{kpi-charts} <measure-id>``: a chart and its table per KPI of the measure."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env, measures=False)
        plan = plan_for(self.env)
        m = plan.measure(self.arguments[0])
        if m is None or not m.kpis:
            return []
        self.env.note_dependency(str(m.doc.path))
        out: list[nodes.Node] = []
        for i, k in enumerate(m.kpis):
            out += chart_nodes(self, kpi_chart(plan, m.id, i, k, site_lang(self)))
        return out


class BudgetChart(SphinxDirective):
    """``{budget-chart}``: the budget by fiscal year and 政策分野."""

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env)
        return chart_nodes(self, budget_chart(plan_for(self.env), site_lang(self)))


class PopulationChart(SphinxDirective):
    """``{population-chart}``: the projection, the 展望人口 and the targets."""

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env)
        chart = population_chart(plan_for(self.env), site_lang(self))
        return [] if chart is None else chart_nodes(self, chart)


def chart_ids(plan: Plan) -> Sequence[tuple[str, str]]:
    """(docname, chart id) of every chart of the site, for links from the front page."""
    out = [("docs/budget", "chart-budget")]
    if plan.population is not None:
        out.append(("docs/vision/03-present", "chart-population"))
    return out
