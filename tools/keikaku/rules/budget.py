"""Budget rules: exactly the plan's fiscal years; a zero year needs a note; a
breakdown (by municipality or project) sums to the budget of each year."""

from __future__ import annotations

from ..model import Plan
from ..numbers import fmt_number
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
        if m.budget_breakdown:
            for year, amount in sorted(m.budget.items()):
                computed = sum(part.get(year, 0) for part in m.budget_breakdown.values())
                if computed != amount:
                    problems.append(Problem(
                        "keikaku.budget-sum", m.doc.rel,
                        m.doc.line_of(("budget_breakdown",)), "budget-sum",
                        {"year": year, "computed": fmt_number(computed),
                         "stated": fmt_number(amount)}))
        for year, amount in sorted(m.budget.items()):
            if amount == 0 and not m.notes:
                problems.append(Problem(
                    "keikaku.budget-zero", m.doc.rel, m.doc.line_of(("budget", year)),
                    "budget-zero-note", {"year": year},
                ))
    return problems
