"""KPI rules: fiscal years, derivations under their declared rounding, targets."""

from __future__ import annotations

from decimal import Decimal

from ..model import Kpi, Measure, Plan
from ..numbers import fmt_number, ratio, round_to, to_decimal
from ..problems import Problem, Severity

# A target worse than its baseline by more than this many percent must give a reason.
WORSE_TOLERANCE = Decimal(5)


def _years(m: Measure, i: int, k: Kpi, plan: Plan) -> list[Problem]:
    out = []
    for which, value, expected, expected_name in (
        ("baseline", k.baseline, plan.base_year, "base-year"),
        ("target", k.target, plan.target_year, "target-year"),
    ):
        if value.fiscal_year != expected:
            out.append(Problem(
                "keikaku.kpi-year", m.doc.rel,
                m.doc.line_of(("kpis", i, which, "fiscal_year")), "kpi-year",
                {"which": f"@{which}", "year": value.fiscal_year, "expected": expected,
                 "expected_name": f"@{expected_name}"},
            ))
    return out


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


def check(plan: Plan) -> list[Problem]:
    problems: list[Problem] = []
    for m in plan.measures:
        for i, k in enumerate(m.kpis):
            problems += _years(m, i, k, plan)
            problems += _derivations(m, i, k)
            problems += _target(m, i, k)
    return problems
