"""The measure card (施策カード): everything the source card shows, in its order."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..load import BODY_KEYS
from ..messages import render
from ..model import COMMON, UNDECIDED, Kpi, KpiValue, Measure, Plan
from ..numbers import fmt_number, fmt_value, ratio, round_to
from ..rules.markup import allows_raw_html
from ..values import render_text
from .markup import parse
from .state import note_data_dependencies, plan_for
from .tables import Span, table
from .texts import site_lang, site_text, sum_text

# The body's headings (## 取組内容 ...) by section: the measure file's wording, which the
# loader defines, not a site text.
HEADINGS = {key: heading for heading, key in BODY_KEYS.items()}


def _reason_label(k: Kpi, lang: str) -> str:
    """What the recorded reason explains: a worse, an unchanged or a far higher target."""
    if k.target.value == k.baseline.value:
        return site_text("card-reason-unchanged", lang)
    if k.higher_is_better and k.target.value < k.baseline.value:
        return site_text("card-reason-below", lang)
    if not k.higher_is_better and k.target.value > k.baseline.value:
        return site_text("card-reason-above", lang)
    return site_text("card-reason", lang)


def _derivation_text(k: Kpi, v: KpiValue, lang: str) -> str | None:
    d = v.derivation
    if d is None:
        return None
    num = " + ".join(f"{fmt_number(c.value)}{d.unit}" for c in d.numerator)
    den = " + ".join(f"{fmt_number(c.value)}{d.unit}" for c in d.denominator)
    exact = round_to(ratio(d.numerator_total, d.denominator_total, d.scale), 2)
    rounded = round_to(exact, d.rounding_digits, d.rounding_method)
    rule = render(f"rounding-{d.rounding_method}", lang)
    suffix = k.unit if k.unit == "%" else ""
    return (
        f"（{num}）/（{den}）= {fmt_number(d.numerator_total)}{d.unit}/"
        f"{fmt_number(d.denominator_total)}{d.unit} = {fmt_number(exact, 2)}{suffix} "
        f"≒ {fmt_number(rounded)}{suffix}（{rule}）"
    )


def _kpi_cell(v: KpiValue, unit: str, plan_year: int, lang: str) -> str:
    """The value, with its year when that is not the column's (the plan's)."""
    text = fmt_value(v.value, unit)
    return text if v.fiscal_year == plan_year else site_text(
        "card-value-in-year", lang, value=text, year=v.fiscal_year)


def kpi_block(plan: Plan, m: Measure, lang: str = "ja") -> list[nodes.Node]:
    if not m.kpis:
        return [nodes.inline(text=site_text("card-no-kpis", lang), classes=["keikaku-unset"])]
    baseline = site_text("card-baseline-in", lang, year=plan.base_year)
    target = site_text("card-target-in", lang, year=plan.target_year)
    rows = []
    extra: list[nodes.Node] = []
    for k in m.kpis:
        # The name heads its row; data-label repeats the column's header where a phone
        # shows each KPI as a block (name, then one line per value).
        rows.append([k.name,
                     Span(_kpi_cell(k.baseline, k.unit, plan.base_year, lang),
                          attributes={"data-label": baseline}),
                     Span(_kpi_cell(k.target, k.unit, plan.target_year, lang),
                          attributes={"data-label": target})])
        for which, v in (("baseline", k.baseline), ("target", k.target)):
            text = _derivation_text(k, v, lang)
            if text:
                para = nodes.paragraph(classes=["keikaku-derivation"])
                para += nodes.strong(text=site_text("card-derivation", lang,
                                                    value=site_text(which, lang)))
                para += nodes.Text(text)
                if v.derivation and v.derivation.source:
                    para += nodes.Text(site_text("card-derivation-source", lang,
                                                 source=render_text(plan, v.derivation.source)))
                extra.append(para)
        if k.target_reason:
            para = nodes.paragraph(classes=["keikaku-target-reason"])
            para += nodes.strong(text=site_text("label-colon", lang, label=_reason_label(k, lang)))
            para += nodes.Text(render_text(plan, k.target_reason))
            extra.append(para)
    tbl = table(
        [6, 2, 2],
        rows,
        header=[[site_text("card-kpi", lang), baseline, target]],
        classes=["keikaku-kpi"],
        stub_columns=1,
        numeric_from=1,
        scopes=True,
    )
    return [tbl, *extra]


def budget_block(plan: Plan, m: Measure, lang: str = "ja") -> nodes.table:
    """Years as columns, as printed; on a phone each amount is a line under its year."""
    years = plan.fiscal_years
    cells = [Span(budget_text(m.budget.get(y, 0)),
                  attributes={"data-label": site_text("fiscal-year", lang, year=y)})
             for y in years]
    total = sum_text([m.budget_total], bool(m.undecided_years), lang)
    cells.append(Span(total, attributes={"data-label": site_text("total", lang)}))
    return table(
        [3] + [2] * len(years) + [2],
        [[site_text("budget-thousand-yen", lang), *cells]],
        header=[[site_text("card-budget-years", lang), *(str(y) for y in years),
                 site_text("total", lang)]],
        classes=["keikaku-budget"],
        stub_columns=1,
        numeric_from=1,
        scopes=True,
    )


def budget_text(amount: int | None) -> str:
    """A year's amount, or 未定 for a year not yet fixed."""
    return UNDECIDED if amount is None else fmt_number(amount)


def projects_block(plan: Plan, m: Measure, lang: str = "ja") -> nodes.Node:
    groups = [(site_text("card-projects-common", lang), m.projects.get(COMMON, []))] + [
        (mun.name, m.projects.get(mun.id, [])) for mun in plan.municipalities
    ]
    lines = nodes.bullet_list(classes=["keikaku-projects"])
    for label, names in groups:
        if not names:
            continue
        item = nodes.list_item()
        para = nodes.paragraph()
        para += nodes.strong(text=site_text("card-projects-group", lang, name=label))
        para += nodes.Text(site_text("card-projects-sep", lang).join(
            site_text("card-project", lang, name=n) for n in names))
        item += para
        lines += item
    return lines


def section_line(m: Measure, heading: str, text: str) -> int | None:
    """The file line where the section ``heading``'s (stripped) ``text`` begins."""
    body = m.doc.body
    start = body.find(f"## {heading}")
    at = body.find(text, start) if start >= 0 and text else -1
    return None if at < 0 else m.doc.body_line + body.count("\n", 0, at)


class MeasureCard(SphinxDirective):
    """``{measure-card} <measure-id>``: the card of one measure, generated from its file."""

    required_arguments = 1
    has_content = False
    measure: Measure

    def body(self, heading: str, text: str) -> list[nodes.Node]:
        """A section of the measure's body, at its lines, with raw output removed unless
        the measure file allows it (allow_raw_html: true)."""
        m = self.measure
        return parse(self, text, str(m.doc.path), section_line(m, heading, text),
                     allow_raw=allows_raw_html(m.doc.data))

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env, measures=False)
        plan = plan_for(self.env)
        m = plan.measure(self.arguments[0])
        if m is None:
            raise self.error(f"unknown measure id {self.arguments[0]!r}")
        self.measure = m
        lang = site_lang(self)
        unset = site_text("card-unset", lang)
        d = m.direction
        name = nodes.strong(text=m.name)
        label = plan.label  # the national template's row names, or the plan's (labels)
        rows = [
            [label("card_name"), name],
            [label("card_area"), m.area.name],
            [label("card_field"), m.field.name],
            *([[label("card_direction"), d.name]] if d is not None else []),
            [label("card_sdgs"), ", ".join(map(str, m.sdgs)) if m.sdgs else
             nodes.inline(text=plan.source_notes.get("sdgs_missing", unset),
                          classes=["keikaku-unset"])],
            [label("card_content"), self.body(HEADINGS["content"], m.content)],
            [Span(label("card_kpis")), kpi_block(plan, m, lang)],
            [label("card_municipalities"),
             nodes.inline(text=plan.source_notes.get("marks_missing", unset),
                          classes=["keikaku-unset"])],
            [label("card_budget"), budget_block(plan, m, lang)],
            [label("card_projects"), projects_block(plan, m, lang)],
            [label("card_effect"), self.body(HEADINGS["effect"], m.effect)],
            [label("card_roles"), self.body(HEADINGS["roles"], m.roles)],
        ]
        card = nodes.container(classes=["keikaku-card"], ids=[f"card-{m.id}"])
        card += table([2, 8], rows, classes=["keikaku-card-table"], stub_columns=1,
                      scopes=True)
        notes = nodes.container(classes=["keikaku-notes"])
        for note in [*([plan.budget_note] if plan.budget_note else []), *m.notes]:
            notes += nodes.paragraph(text=site_text("card-note", lang,
                                                    note=render_text(plan, note)))
        card += notes
        return [card]
