"""Budget rules: exactly the plan's fiscal years; a zero or undecided (null) year needs
a note that names that year; a breakdown (by municipality or project) sums to the budget
of each year; a year far above the measure's other years is an outlier to look at."""

from __future__ import annotations

import re
from statistics import median

from ..eras import ERA_OFFSET, FULLWIDTH, era_label, era_number
from ..model import Measure, Plan
from ..numbers import fmt_number
from ..problems import Problem, Severity

# A year's budget more than this many times the median of the measure's non-zero years.
OUTLIER_FACTOR = 2

# A fiscal year as notes write it: 2026年度, 令和８年度, R8年度 (digits half- or full-width).
_YEAR = r"(?:(\d{4})|(令和|平成|R|H)\s*(\d{1,2}|元))"
# A range (2025〜2028年度, 令和７〜９年度, 2025年度から2028年度まで), or one year with
# an open end or none (2026年度以降, 2026年度から; 2026年度まで, 2026年度以前; 2026年度).
_NAMED = re.compile(
    _YEAR + r"\s*(?:年度)?\s*(?:〜|～|~|－|-|から)\s*" + _YEAR.replace("|H)", "|H)?")
    + r"\s*年度"
    + "|" + _YEAR + r"\s*年度\s*(以降|から|以前|まで)?")


def _year(western: str | None, era: str | None, number: str | None) -> int:
    return int(western) if western else ERA_OFFSET[era] + era_number(number)


def named_years(note: str, start: int, end: int) -> set[int]:
    """The fiscal years a note names (open ranges end at the plan period's ends)."""
    years: set[int] = set()
    for m in _NAMED.finditer(note.translate(FULLWIDTH)):
        if m.group(1) or m.group(2):
            if not (m.group(4) or m.group(5) or m.group(2)):
                continue  # 2025〜28年度: no era to read 28 in
            first = _year(*m.group(1, 2, 3))
            last = _year(m.group(4), m.group(5) or m.group(2), m.group(6))
        else:
            first = last = _year(*m.group(7, 8, 9))
            if m.group(10) in ("以降", "から"):
                last = end
            elif m.group(10) in ("以前", "まで"):
                first = start
        years.update(range(first, last + 1))
    return years


def _outliers(plan: Plan, m: Measure, named: set[int]) -> list[Problem]:
    """Years above OUTLIER_FACTOR x the median of the non-zero years (zero years are the
    budget-zero rule's): acknowledged when a note names the year or an erratum records it."""
    amounts = [a for a in m.budget.values() if a]
    if len(amounts) < 2:
        return []
    mid = median(amounts)
    erratum = plan.recorded(m.errata, "keikaku.budget-outlier")
    out = []
    for year, amount in sorted(m.budget.items()):
        if amount is None or amount <= OUTLIER_FACTOR * mid:
            continue
        params = {"year": year, "amount": fmt_number(amount), "median": fmt_number(mid),
                  "factor": fmt_number(OUTLIER_FACTOR), "unit": plan.budget_unit,
                  "errata": erratum}
        key = ("budget-outlier-noted" if year in named
               else "budget-outlier-recorded" if erratum else "budget-outlier")
        out.append(Problem("keikaku.budget-outlier", m.doc.rel, m.doc.line_of(("budget", year)),
                           key, params, Severity.WARNING,
                           acknowledged=year in named or bool(erratum)))
    return out


def check(plan: Plan) -> list[Problem]:
    problems: list[Problem] = []
    years = set(plan.fiscal_years)
    for m in plan.measures:
        given = set(m.budget)
        if given != years:
            problems.append(Problem(
                "keikaku.budget-years", m.doc.rel, m.doc.line_of(("budget",)), "budget-years",
                {"missing": ", ".join(map(str, sorted(years - given))) or "-",
                 "extra": ", ".join(map(str, sorted(given - years))) or "-",
                 "start": plan.period_start, "end": plan.period_end},
            ))
        if m.budget_breakdown:
            for year, amount in sorted(m.budget.items()):
                computed = sum(part.get(year, 0) for part in m.budget_breakdown.values())
                if amount is not None and computed != amount:
                    problems.append(Problem(
                        "keikaku.budget-sum", m.doc.rel,
                        m.doc.line_of(("budget_breakdown",)), "budget-sum",
                        {"year": year, "computed": fmt_number(computed),
                         "stated": fmt_number(amount)}))
        named: set[int] = set()
        for note in m.notes:
            named |= named_years(note, plan.period_start, plan.period_end)
        problems += _outliers(plan, m, named)
        for year in m.undecided_years:
            if year not in named:
                problems.append(Problem("keikaku.budget-undecided", m.doc.rel,
                                        m.doc.line_of(("budget", year)), "budget-undecided",
                                        {"year": year}))
        for year, amount in sorted(m.budget.items()):
            if amount != 0 or year in named:
                continue
            line = m.doc.line_of(("budget", year))
            if not m.notes:
                problems.append(Problem("keikaku.budget-zero", m.doc.rel, line,
                                        "budget-zero-note", {"year": year}))
            else:
                problems.append(Problem(
                    "keikaku.budget-zero", m.doc.rel, line, "budget-zero-note-year",
                    {"year": year, "era": era_label(year, fiscal=True),
                     "named": ", ".join(map(str, sorted(named))) or "-"}))
    return problems
