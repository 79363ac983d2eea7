"""KPI rules: fiscal years, derivations under their declared rounding, targets (worse,
unchanged or far above the baseline), and the 事業 a derivation names."""

from __future__ import annotations

import re
from decimal import Decimal

from ..model import Kpi, Measure, Plan
from ..numbers import fmt_number, ratio, round_to, to_decimal
from ..placeholders import kpi_values_unfilled
from ..problems import Problem, Severity

# A target worse than its baseline by more than this many percent must give a reason.
WORSE_TOLERANCE = Decimal(5)
# A target more than this many times its (positive) baseline is an outlier to look at.
OUTLIER_FACTOR = Decimal(5)

# A 事業 named by a derivation's part (「休日当番医制運営事業の実施日数」) or quoted in its
# source text (「…事業」).
_PART_PROJECT = re.compile(r"^(.+?事業)(?:の|$)")
_QUOTED_PROJECT = re.compile(r"「([^「」]+?事業)」")
# A note printed with a project name: （県と共同実施）, ○ marks.
_PROJECT_NOTE = re.compile(r"[（(][^（）()]*[）)]$")


def project_name(name: str) -> str:
    """A 事業名称 without its list mark and its trailing parenthetical note."""
    return _PROJECT_NOTE.sub("", name.strip().lstrip("○◯・").strip()).strip()


def _line(m: Measure, i: int, which: str) -> int | None:
    """The line of a KPI value's year, or of the value when the year is the plan's."""
    kpi = m.doc.data["kpis"][i][which]
    return m.doc.line_of(("kpis", i, which, "fiscal_year" if "fiscal_year" in kpi else "value"))


def _years(m: Measure, i: int, k: Kpi, plan: Plan) -> list[Problem]:
    """A KPI may give years of its own; its target is not after the plan period, and
    its baseline comes before its target."""
    if k.target.fiscal_year > plan.period_end:
        return [Problem(
            "keikaku.kpi-year", m.doc.rel, _line(m, i, "target"), "kpi-year",
            {"which": "@target", "year": k.target.fiscal_year, "expected": plan.target_year,
             "expected_name": "@target-year"})]
    if k.baseline.fiscal_year >= k.target.fiscal_year:
        return [Problem(
            "keikaku.kpi-year", m.doc.rel, _line(m, i, "baseline"), "kpi-year-order",
            {"baseline": k.baseline.fiscal_year, "target": k.target.fiscal_year})]
    return []


def _unit(m: Measure, i: int, k: Kpi, plan: Plan) -> list[Problem]:
    if k.unit in plan.kpi_units:
        return []
    return [Problem("keikaku.kpi-unit", m.doc.rel, m.doc.line_of(("kpis", i, "unit")),
                    "kpi-unit", {"unit": k.unit, "known": "、".join(plan.kpi_units)})]


def _derivations(m: Measure, i: int, k: Kpi) -> list[Problem]:
    out = []
    for which, value in (("baseline", k.baseline), ("target", k.target)):
        d = value.derivation
        if d is None:
            continue
        exact = ratio(d.numerator_total, d.denominator_total, d.scale)
        computed = round_to(exact, d.rounding_digits, d.rounding_method)
        if computed != round_to(value.value, d.rounding_digits):
            suffix = k.unit if k.unit == "%" else ""
            out.append(Problem(
                "keikaku.kpi-derivation", m.doc.rel,
                m.doc.line_of(("kpis", i, which, "value")), "kpi-derivation",
                {"numerator": fmt_number(d.numerator_total), "denominator":
                 fmt_number(d.denominator_total), "unit": d.unit,
                 "exact": fmt_number(round_to(exact, 2), 2), "suffix": suffix,
                 "rounding": f"@rounding-{d.rounding_method}",
                 "computed": fmt_number(computed), "stated": fmt_number(value.value)},
            ))
    return out


def _target(m: Measure, i: int, k: Kpi) -> list[Problem]:
    base, target = to_decimal(k.baseline.value), to_decimal(k.target.value)
    if base == 0:
        return []
    worse = (base - target) if k.higher_is_better else (target - base)
    percent = worse / abs(base) * 100
    if percent <= WORSE_TOLERANCE:
        return []
    params = {"target": fmt_number(k.target.value), "baseline": fmt_number(k.baseline.value),
              "unit": k.unit, "percent": fmt_number(round_to(percent, 1), 1)}
    if k.target_reason:
        return [Problem("keikaku.kpi-target", m.doc.rel,
                        m.doc.line_of(("kpis", i, "target_reason")),
                        "kpi-target-worse-explained", params, Severity.WARNING,
                        acknowledged=True)]
    return [Problem("keikaku.kpi-target", m.doc.rel, m.doc.line_of(("kpis", i, "target", "value")),
                    "kpi-target-worse", params)]


def _target_warning(m: Measure, i: int, k: Kpi, code: str, key: str,
                    params: dict[str, object]) -> list[Problem]:
    """A warning about a KPI's target: at the target, or, acknowledged, at the reason
    the data gives for it (message ``<key>-explained``)."""
    if k.target_reason:
        return [Problem(code, m.doc.rel, m.doc.line_of(("kpis", i, "target_reason")),
                        f"{key}-explained", params, Severity.WARNING, acknowledged=True)]
    return [Problem(code, m.doc.rel, m.doc.line_of(("kpis", i, "target", "value")), key,
                    params, Severity.WARNING)]


def _unchanged(m: Measure, i: int, k: Kpi) -> list[Problem]:
    """A target equal to its baseline: keeping the level can be the aim, but say why.
    (The 0 -> 0 that keikaku new writes is reported once, as 「未記入」.)"""
    if (to_decimal(k.target.value) != to_decimal(k.baseline.value)
            or kpi_values_unfilled(k)):
        return []
    params = {"value": fmt_number(k.target.value), "unit": k.unit}
    return _target_warning(m, i, k, "keikaku.kpi-unchanged", "kpi-unchanged", params)


def _outlier(m: Measure, i: int, k: Kpi) -> list[Problem]:
    """A target more than OUTLIER_FACTOR times a positive baseline (a typo of a digit, a
    cumulative target against a yearly baseline, ...): a warning until a reason is given."""
    base, target = to_decimal(k.baseline.value), to_decimal(k.target.value)
    if base <= 0 or target <= base * OUTLIER_FACTOR:
        return []
    params = {"target": fmt_number(k.target.value), "baseline": fmt_number(k.baseline.value),
              "unit": k.unit, "factor": fmt_number(round_to(target / base, 1), 1),
              "limit": fmt_number(OUTLIER_FACTOR)}
    return _target_warning(m, i, k, "keikaku.kpi-outlier", "kpi-outlier", params)


def _projects(m: Measure, i: int, k: Kpi, plan: Plan) -> list[Problem]:
    """Every 事業 a derivation counts is the measure or one of the projects on its card."""
    known = {project_name(p) for names in m.projects.values() for p in names} | {m.name}
    out = []
    erratum = plan.recorded(m.errata, "keikaku.kpi-project")
    for which, value in (("baseline", k.baseline), ("target", k.target)):
        d = value.derivation
        if d is None:
            continue
        path = ("kpis", i, which, "derivation")
        named: list[tuple[str, tuple[object, ...]]] = []
        for side, parts in (("numerator", d.numerator), ("denominator", d.denominator)):
            for j, c in enumerate(parts):
                hit = _PART_PROJECT.match(c.name)
                if hit:
                    named.append((hit.group(1), (*path, side, j, "name")))
        for hit in _QUOTED_PROJECT.finditer(d.source or ""):
            named.append((hit.group(1), (*path, "source")))
        for name, where in named:
            if project_name(name) in known:
                continue
            params = {"name": name, "measure": m.name,
                      "projects": "、".join(p for names in m.projects.values() for p in names)
                      or "-", "errata": erratum}
            out.append(Problem(
                "keikaku.kpi-project", m.doc.rel, m.doc.line_of(where),
                "kpi-project-recorded" if erratum else "kpi-project", params,
                Severity.WARNING if erratum else Severity.ERROR, acknowledged=bool(erratum)))
    return out


def check(plan: Plan) -> list[Problem]:
    problems: list[Problem] = []
    for m in plan.measures:
        for i, k in enumerate(m.kpis):
            problems += _years(m, i, k, plan)
            problems += _unit(m, i, k, plan)
            problems += _derivations(m, i, k)
            problems += _target(m, i, k)
            problems += _unchanged(m, i, k)
            problems += _outlier(m, i, k)
            problems += _projects(m, i, k, plan)
    return problems
