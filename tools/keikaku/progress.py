"""KPI progress: 達成率 of the latest actual and its grade under the plan's grading table.

達成率 (rounded half up to one decimal):
- target better than baseline: (actual - baseline) / (target - baseline) x 100;
- target equal to or worse than baseline (keeping a level, a managed decline):
  actual / target x 100 when higher is better, target / actual x 100 when lower is.

Grading (``grading`` in docs/data/plan.yaml, else ``DEFAULT_GRADING``): the score is
the 達成率 itself (``basis: rate``) or the 達成率 against the progress expected by that
year (``basis: expected``: score = 達成率 / expected x 100). The expected progress is
(year - baseline year) / (target year - baseline year) x 100, at most 100, for a target
better than its baseline, and 100 for one that keeps a level (there is nothing to
prorate). Each KPI uses its own baseline and target years. The first grade whose
threshold the score reaches (``min``: at least, ``above``: more than) is given; a
grade with neither takes the rest.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .messages import render
from .model import Actual, Kpi, Measure, Plan
from .numbers import CONTEXT, round_to, to_decimal

# The default grading table (when plan.yaml declares none): against expected progress.
DEFAULT_GRADES = (("A", 100), ("B", 80), ("C", 50), ("D", None))


def default_grading(lang: str = "ja") -> dict[str, Any]:
    grades = []
    for grade, threshold in DEFAULT_GRADES:
        entry: dict[str, Any] = {"grade": grade, "label": render(f"grade-default-{grade}", lang)}
        if threshold is not None:
            entry["min"] = threshold
        grades.append(entry)
    return {"basis": "expected", "grades": grades}


def grading_of(plan: Plan) -> dict[str, Any]:
    return plan.grading or default_grading()


@dataclass(frozen=True)
class Achievement:
    fiscal_year: int
    value: float
    rate: Decimal  # 達成率 (%), one decimal
    expected: Decimal  # expected progress of the year (%), one decimal
    score: Decimal  # what the grades' thresholds compare
    grade: str
    label: str


def improves(k: Kpi) -> bool:
    """Whether the target is better than the baseline."""
    b, t = to_decimal(k.baseline.value), to_decimal(k.target.value)
    return t > b if k.higher_is_better else t < b


def rate(k: Kpi, value: float) -> Decimal | None:
    """達成率 of ``value`` (None where a denominator is zero)."""
    b, t, a = (to_decimal(v) for v in (k.baseline.value, k.target.value, value))
    if improves(k):
        num, den = a - b, t - b
    elif k.higher_is_better:
        num, den = a, t
    else:
        num, den = t, a
    if den == 0:
        return None
    return round_to(CONTEXT.divide(CONTEXT.multiply(num, Decimal(100)), den), 1)


def expected(k: Kpi, year: int) -> Decimal:
    """Progress expected by ``year`` (%), one decimal."""
    start, end = k.baseline.fiscal_year, k.target.fiscal_year
    if not improves(k) or end <= start:
        return Decimal(100)
    share = CONTEXT.divide(Decimal((min(year, end) - start) * 100), Decimal(end - start))
    return round_to(max(share, Decimal(0)), 1)


def grade(score: Decimal, grading: dict[str, Any]) -> tuple[str, str]:
    grades = grading["grades"]
    for g in grades:
        if "min" in g and score >= to_decimal(g["min"]):
            return g["grade"], g["label"]
        if "above" in g and score > to_decimal(g["above"]):
            return g["grade"], g["label"]
        if "min" not in g and "above" not in g:
            return g["grade"], g["label"]
    return grades[-1]["grade"], grades[-1]["label"]


def gradable(k: Kpi) -> list[Actual]:
    """The actuals with a value after the baseline year, by year."""
    return sorted((a for a in k.actuals
                   if a.value is not None and a.fiscal_year > k.baseline.fiscal_year),
                  key=lambda a: a.fiscal_year)


def achievement(k: Kpi, grading: dict[str, Any], year: int | None = None
                ) -> Achievement | None:
    """達成率 and grade of the latest actual with a value (or of ``year``'s)."""
    actuals = gradable(k)
    if year is not None:
        actuals = [a for a in actuals if a.fiscal_year == year]
    if not actuals:
        return None
    latest = actuals[-1]
    assert latest.value is not None
    r = rate(k, latest.value)
    if r is None:
        return None
    exp = expected(k, latest.fiscal_year)
    score = r if grading["basis"] == "rate" else (
        CONTEXT.divide(CONTEXT.multiply(r, Decimal(100)), exp) if exp else r)
    g, label = grade(score, grading)
    return Achievement(latest.fiscal_year, latest.value, r, exp, score, g, label)


@dataclass(frozen=True)
class Row:
    measure: Measure
    kpi: Kpi
    achievement: Achievement | None


def rows(plan: Plan, year: int | None = None) -> list[Row]:
    grading = grading_of(plan)
    return [Row(m, k, achievement(k, grading, year)) for m in plan.measures for k in m.kpis]


def counts(plan: Plan, year: int | None = None) -> dict[str, int]:
    """KPIs per grade, in the grading table's order (every grade, zeros included)."""
    found = Counter(r.achievement.grade for r in rows(plan, year) if r.achievement)
    return {g["grade"]: found.get(g["grade"], 0) for g in grading_of(plan)["grades"]}


def has_actuals(plan: Plan) -> bool:
    return any(k.actuals for m in plan.measures for k in m.kpis)


def actual_years(plan: Plan) -> list[int]:
    """The fiscal years shown as columns: the plan's period."""
    return plan.fiscal_years
