"""The progress of the KPIs on the site: the page 「成果指標の進捗」, the grading table
that page documents, and the plan at a glance on the front page. All from data."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..model import NOT_AVAILABLE, Plan
from ..numbers import fmt_number
from ..progress import Row, counts, grading_of, has_actuals, rows
from .markup import doc_link, measure_link
from .state import note_data_dependencies, plan_for
from .tables import Cell, Span, table
from .texts import site_lang, site_list, site_text

PROGRESS_DOC = "docs/progress"


def grade_span(plan: Plan, grade: str, label: str) -> Span:
    """A grade as text (記号と意味) with its colour as a class: never colour alone."""
    order = [g["grade"] for g in grading_of(plan)["grades"]]
    position = order.index(grade) + 1 if grade in order else 0
    return Span(f"{grade}（{label}）", classes=["keikaku-grade", f"keikaku-grade-{position}"])


def counts_table(plan: Plan, lang: str = "ja") -> nodes.table:
    """KPIs per grade (every grade, zeros included) and those without an actual."""
    per = counts(plan)
    grading = grading_of(plan)
    body: list[list[Cell | Span]] = [
        [grade_span(plan, g["grade"], g["label"]), fmt_number(per[g["grade"]])]
        for g in grading["grades"]]
    graded = sum(per.values())
    body.append([site_text("progress-ungraded", lang), fmt_number(len(rows(plan)) - graded)])
    return table([4, 2], body, header=[[site_text("grade", lang),
                                        site_text("progress-kpi-count", lang)]],
                 classes=["keikaku-grade-counts"], caption=site_text("progress-counts", lang),
                 stub_columns=1, numeric_from=1, scopes=True)


def _lines(*texts: str) -> list[nodes.Node]:
    return [nodes.paragraph(text=x) for x in texts]


def _in_year(year: int, lang: str) -> str:
    """（2024年度）: the year of a value, on the line under it."""
    return site_text("in-fiscal-year", lang, year=year)


def _actuals_cell(plan: Plan, r: Row, lang: str) -> Cell:
    """Each year's actual, a line per year of the plan that has an entry."""
    lines = []
    for a in sorted(r.kpi.actuals, key=lambda a: a.fiscal_year):
        value = NOT_AVAILABLE if a.value is None else f"{fmt_number(a.value)}{r.kpi.unit}"
        lines.append(site_text("progress-actual", lang, year=a.fiscal_year, value=value))
    return _lines(*lines) if lines else "-"


def _row(plan: Plan, r: Row, refdoc: str, lang: str) -> list[Cell | Span]:
    k = r.kpi
    got = r.achievement
    return [
        [measure_link(r.measure.number, r.measure.name, r.measure.id, refdoc),
         nodes.paragraph(text=k.name, classes=["keikaku-kpi-name"])],
        _lines(f"{fmt_number(k.baseline.value)}{k.unit}", _in_year(k.baseline.fiscal_year, lang)),
        _lines(f"{fmt_number(k.target.value)}{k.unit}", _in_year(k.target.fiscal_year, lang)),
        _actuals_cell(plan, r, lang),
        _lines(f"{fmt_number(got.rate, 1)}%", _in_year(got.fiscal_year, lang)) if got else "-",
        grade_span(plan, got.grade, got.label) if got else "-",
    ]


class ProgressTable(SphinxDirective):
    """``{progress-table}``: counts per grade, then every KPI grouped by 政策分野."""

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env)
        plan = plan_for(self.env)
        lang = site_lang(self)
        out: list[nodes.Node] = []
        if not has_actuals(plan):
            out.append(nodes.paragraph(text=site_text("no-actuals", lang),
                                       classes=["keikaku-no-actuals"]))
        out.append(counts_table(plan, lang))
        header = [site_text(key, lang) for key in (
            "progress-measure-kpi", "baseline", "target", "progress-actuals",
            "achievement-rate", "grade")]
        body: list[list[Cell | Span]] = []
        all_rows = rows(plan)
        for f in plan.fields():
            field_rows = [r for r in all_rows if r.measure.field is f]
            if not field_rows:
                continue
            body.append([Span(f.name, cols=len(header), classes=["subtotal"])])
            body += [_row(plan, r, self.env.docname, lang) for r in field_rows]
        out.append(table([6, 2, 2, 3, 2, 2], body,
                         header=[header], classes=["keikaku-progress"],
                         caption=site_text("progress-caption", lang),
                         numeric_from=1, scopes=True))
        return out


class GradingTable(SphinxDirective):
    """``{grading-table}``: how 達成率 and grades are computed, from the plan's table."""

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env)
        plan = plan_for(self.env)
        grading = grading_of(plan)
        lang = site_lang(self)
        out: list[nodes.Node] = []
        items = nodes.bullet_list()
        for key in ("grading-rate-better", "grading-rate-other", "grading-rounding"):
            item = nodes.list_item()
            item += nodes.paragraph(text=site_text(key, lang))
            items += item
        out.append(items)
        if grading["basis"] == "expected":
            out.append(nodes.paragraph(text=site_text("grading-expected", lang)))
        else:
            out.append(nodes.paragraph(text=site_text("grading-rate", lang)))
        body: list[list[Cell | Span]] = []
        for g in grading["grades"]:
            if "min" in g:
                rule = site_text("grading-min", lang, value=fmt_number(g["min"]))
            elif "above" in g:
                rule = site_text("grading-above", lang, value=fmt_number(g["above"]))
            else:
                rule = site_text("grading-otherwise", lang)
            body.append([grade_span(plan, g["grade"], g["label"]), rule])
        source = site_text("grading-source-plan" if plan.grading else "grading-source-default",
                           lang)
        out.append(table([3, 4], body, header=[[site_text("grade", lang),
                                                site_text("grading-rule", lang)]],
                         classes=["keikaku-grading"],
                         caption=site_text("grading-caption", lang, source=source),
                         stub_columns=1, scopes=True))
        return out


class PlanAtAGlance(SphinxDirective):
    """``{plan-at-a-glance}``: the front page's summary, every figure from data."""

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env)
        plan = plan_for(self.env)
        doc = self.env.docname
        kpis = sum(len(m.kpis) for m in plan.measures)
        total = plan.budget_totals()["total"]
        lang = site_lang(self)

        def linked(text: str, target: str, label: str) -> list[nodes.Node]:
            para = nodes.paragraph()
            para += nodes.Text(text)
            if target:
                para += nodes.Text(site_text("paren-open", lang))
                para += doc_link(target, label, doc)
                para += nodes.Text(site_text("paren-close", lang))
            return [para]

        body: list[list[Cell | Span]] = [
            [site_text("glance-period", lang),
             site_text("period", lang, start=plan.period_start, end=plan.period_end)],
            [site_text("glance-budget", lang),
             linked(f"{fmt_number(total)}{plan.budget_unit}", "docs/budget",
                    site_text("glance-budget-link", lang))],
            [site_text("glance-measures", lang),
             linked(site_text("glance-count", lang, n=fmt_number(len(plan.measures))),
                    "docs/vision/04-measures", site_text("structure-diagram", lang))],
            [site_text("glance-kpis", lang), site_text("glance-count", lang, n=fmt_number(kpis))],
        ]
        if plan.population is not None:
            targets = site_list((site_text("population-target-item", lang, year=t.year,
                                           n=fmt_number(t.population))
                                 for t in plan.population.targets), lang)
            body.append([site_text("glance-population", lang),
                         linked(targets, "docs/vision/03-present",
                                site_text("glance-population-link", lang))])
        if has_actuals(plan):
            per = counts(plan)
            labels = {g["grade"]: g["label"] for g in grading_of(plan)["grades"]}
            text = site_list((site_text("glance-grade-count", lang, grade=g, label=labels[g],
                                        n=fmt_number(n)) for g, n in per.items()), lang)
        else:
            text = site_text("no-actuals", lang)
        body.append([site_text("glance-grades", lang),
                     linked(text, PROGRESS_DOC, site_text("progress-title", lang))])
        return [table([2, 5], body, header=[[site_text("glance-item", lang),
                                             site_text("glance-content", lang)]],
                      classes=["keikaku-glance"], caption=site_text("glance-caption", lang),
                      stub_columns=1, scopes=True)]
