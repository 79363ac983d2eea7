"""Budget rules: exactly the plan's fiscal years; a zero year needs a note."""

from __future__ import annotations

from ..model import Plan
from ..problems import Problem


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
        for year, amount in sorted(m.budget.items()):
            if amount == 0 and not m.notes:
                problems.append(Problem(
                    "keikaku.budget-zero", m.doc.rel, m.doc.line_of(("budget", year)),
                    "budget-zero-note", {"year": year},
                ))
    return problems
