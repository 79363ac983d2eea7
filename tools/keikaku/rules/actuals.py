"""Actuals rules: the years of a KPI's 実績値, a missing figure's note, the figures the
plan's ``as_of`` date says must be there, a derivation KPI's parts, and the grading
table of plan.yaml. (A value written as text, 「28,554人」, is the schema rule's.)"""

from __future__ import annotations

import datetime as dt

from ..model import Actual, Kpi, Measure, Plan
from ..numbers import fmt_number, ratio, round_to
from ..problems import Problem, Severity


def _year_range(k: Kpi, plan: Plan) -> tuple[int, int]:
    """Actuals may run from the KPI's baseline year to the end of the plan."""
    return k.baseline.fiscal_year, max(plan.period_end, k.target.fiscal_year)


def _years(m: Measure, i: int, k: Kpi, plan: Plan) -> list[Problem]:
    first, last = _year_range(k, plan)
    return [
        Problem("keikaku.actual-year", m.doc.rel,
                m.doc.line_of(("kpis", i, "actuals", a.fiscal_year)), "actual-year",
                {"year": a.fiscal_year, "first": first, "last": last})
        for a in k.actuals if not first <= a.fiscal_year <= last
    ]


def _notes(m: Measure, i: int, k: Kpi) -> list[Problem]:
    return [
        Problem("keikaku.actual-note", m.doc.rel,
                m.doc.line_of(("kpis", i, "actuals", a.fiscal_year)), "actual-note",
                {"year": a.fiscal_year})
        for a in k.actuals if a.value is None and not a.note
    ]


def fiscal_year_over(year: int, as_of: dt.date) -> bool:
    """Whether fiscal year ``year`` (April to March) had ended by ``as_of``."""
    return dt.date(year + 1, 3, 31) <= as_of


def _missing(m: Measure, i: int, k: Kpi, plan: Plan) -> list[Problem]:
    if plan.as_of is None:
        return []
    have = {a.fiscal_year for a in k.actuals}
    first, last = _year_range(k, plan)
    missing = [y for y in plan.fiscal_years
               if first < y <= last and y not in have and fiscal_year_over(y, plan.as_of)]
    if not missing:
        return []
    return [Problem("keikaku.actual-missing", m.doc.rel,
                    m.doc.line_of(("kpis", i, "actuals")), "actual-missing",
                    {"years": "、".join(f"{y}" for y in missing),
                     "as_of": plan.as_of.isoformat(), "kpi": k.name}, Severity.WARNING)]


def _derivation(m: Measure, i: int, k: Kpi, a: Actual) -> list[Problem]:
    """An actual's parts give its value under the KPI's declared derivation."""
    if a.parts is None:
        return []
    where = m.doc.line_of(("kpis", i, "actuals", a.fiscal_year, "value"))
    d = k.baseline.derivation or k.target.derivation
    if d is None:
        return [Problem("keikaku.actual-derivation", m.doc.rel, where,
                        "actual-derivation-undeclared", {"year": a.fiscal_year})]
    numerator = sum(c.value for c in a.parts[0])
    denominator = sum(c.value for c in a.parts[1])
    exact = ratio(numerator, denominator, d.scale)
    computed = round_to(exact, d.rounding_digits, d.rounding_method)
    if a.value is not None and computed == round_to(a.value, d.rounding_digits):
        return []
    suffix = k.unit if k.unit == "%" else ""
    return [Problem(
        "keikaku.actual-derivation", m.doc.rel, where, "kpi-derivation",
        {"numerator": fmt_number(numerator), "denominator": fmt_number(denominator),
         "unit": d.unit, "exact": fmt_number(round_to(exact, 2), 2), "suffix": suffix,
         "rounding": f"@rounding-{d.rounding_method}", "computed": fmt_number(computed),
         "stated": "null" if a.value is None else fmt_number(a.value)})]


def _grading(plan: Plan) -> list[Problem]:
    """The grades go from the highest threshold down; only the last has none."""
    if not plan.grading:
        return []
    doc = plan.sources["plan"]
    out = []
    previous = None
    grades = plan.grading["grades"]
    for j, g in enumerate(grades):
        threshold = g.get("min", g.get("above"))
        where = doc.line_of(("grading", "grades", j))
        if threshold is None and j != len(grades) - 1:
            out.append(Problem("keikaku.grading", doc.rel, where, "grading-open-not-last",
                               {"grade": g["grade"]}))
        elif threshold is None and j == len(grades) - 1:
            continue
        elif j == len(grades) - 1:
            out.append(Problem("keikaku.grading", doc.rel, where, "grading-last-threshold",
                               {"grade": g["grade"]}))
        elif previous is not None and threshold >= previous:
            out.append(Problem("keikaku.grading", doc.rel, where, "grading-order",
                               {"grade": g["grade"], "threshold": fmt_number(threshold),
                                "previous": fmt_number(previous)}))
        if threshold is not None:
            previous = threshold
    return out


def check(plan: Plan) -> list[Problem]:
    problems: list[Problem] = _grading(plan)
    for m in plan.measures:
        for i, k in enumerate(m.kpis):
            problems += _years(m, i, k, plan)
            problems += _notes(m, i, k)
            problems += _missing(m, i, k, plan)
            for a in k.actuals:
                problems += _derivation(m, i, k, a)
    return problems
