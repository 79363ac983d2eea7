"""The part of ``keikaku diff`` about progress: actuals added, changed or removed, and
the grade changes they (or a changed grading table, baseline or target) cause."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import NOT_AVAILABLE, Kpi, Measure, Plan
from .numbers import fmt_number
from .progress import Achievement, achievement, grading_of

if TYPE_CHECKING:
    from .diff import Change

KINDS = ("actual-added", "actual-changed", "actual-removed", "grade-changed")


def _value(v: float | None, unit: str) -> str:
    return NOT_AVAILABLE if v is None else f"{fmt_number(v)}{unit}"


def _grade(a: Achievement | None) -> str:
    if a is None:
        return "-"
    return f"{a.grade}（{fmt_number(a.rate, 1)}%、{a.fiscal_year}年度）"


def _pairs(old: Measure, new: Measure) -> list[tuple[Kpi, Kpi]]:
    """KPIs matched by name, else by position."""
    by_name = {k.name: k for k in old.kpis}
    out = []
    for i, k in enumerate(new.kpis):
        match = by_name.get(k.name) or (old.kpis[i] if i < len(old.kpis) else None)
        if match is not None:
            out.append((match, k))
    return out


def changes(base: Plan, head: Plan, old: Measure, new: Measure, label: str) -> list[Change]:
    from .diff import Change

    out = []
    for a, b in _pairs(old, new):
        before = {x.fiscal_year: x.value for x in a.actuals}
        after = {x.fiscal_year: x.value for x in b.actuals}
        for year in sorted(set(before) | set(after)):
            detail = {"kpi": b.name, "year": year}
            if year not in before:
                out.append(Change("actual-added", new.id, label,
                                  {**detail, "new": _value(after[year], b.unit)}))
            elif year not in after:
                out.append(Change("actual-removed", new.id, label,
                                  {**detail, "old": _value(before[year], a.unit)}))
            elif before[year] != after[year]:
                out.append(Change("actual-changed", new.id, label,
                                  {**detail, "old": _value(before[year], a.unit),
                                   "new": _value(after[year], b.unit)}))
        g_old = achievement(a, grading_of(base))
        g_new = achievement(b, grading_of(head))
        if _grade(g_old) != _grade(g_new):
            out.append(Change("grade-changed", new.id, label,
                              {"kpi": b.name, "old": _grade(g_old), "new": _grade(g_new)}))
    return out
