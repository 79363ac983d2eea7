"""The plan diff as text for a person (Japanese or English) and as JSON."""

from __future__ import annotations

import json

from .diff import PlanDiff
from .messages import render
from .numbers import fmt_number

SECTIONS = (
    ("diff-section-measures", ("measure-added", "measure-removed", "renamed", "renumbered",
                               "moved")),
    ("diff-section-budget", ("budget",)),
    ("diff-section-kpi", ("kpi-added", "kpi-removed", "kpi-changed")),
    ("diff-section-actuals", ("actual-added", "actual-changed", "actual-removed",
                              "grade-changed")),
    ("diff-section-text", ("text", "projects")),
)


def signed(n: int) -> str:
    return f"+{fmt_number(n)}" if n > 0 else fmt_number(n)


def describe(change, lang: str) -> str:
    d = change.detail
    if change.kind in ("measure-added", "measure-removed"):
        return render(f"diff-{change.kind}", lang, budget=fmt_number(d["budget_total"]),
                      years=d["years"])
    if change.kind in ("renamed", "moved"):
        return render(f"diff-{change.kind}", lang, old=d["old"], new=d["new"])
    if change.kind == "renumbered":
        return render("diff-renumbered", lang, old=d["old"], new=d["new"])
    if change.kind == "budget":
        old = "-" if d["old"] is None else fmt_number(d["old"])
        new = "-" if d["new"] is None else fmt_number(d["new"])
        return render("diff-budget", lang, year=d["year"], old=old, new=new,
                      difference=signed(d["difference"]))
    if change.kind in ("kpi-added", "kpi-removed"):
        return render(f"diff-{change.kind}", lang, kpi=d["kpi"])
    if change.kind == "kpi-changed":
        parts = [f"{render('diff-kpi-' + k, lang)}: {v[0]} → {v[1]}"
                 for k, v in d.items() if k != "kpi"]
        return render("diff-kpi-changed", lang, kpi=d["kpi"], parts="、".join(parts))
    if change.kind.startswith(("actual-", "grade-")):
        return render(f"diff-{change.kind}", lang, **d)
    if change.kind == "text":
        return render("diff-text", lang, part=d["part"], marked=d["marked"])
    return render("diff-projects", lang)


def text_report(diff: PlanDiff, lang: str = "ja") -> str:
    lines = [render("diff-title", lang, base=diff.base, head=diff.head)]
    if not diff.changes:
        lines.append(render("diff-none", lang))
        return "\n".join(lines)
    for key, kinds in SECTIONS:
        changes = [c for c in diff.changes if c.kind in kinds]
        if not changes:
            continue
        lines += ["", f"■ {render(key, lang)}"]
        lines += [f"  {c.label}: {describe(c, lang)}" for c in changes]
        if key == "diff-section-budget" and diff.budget_totals:
            for year, t in diff.budget_totals.items():
                label = (render("diff-total-all", lang, years=diff.period_years)
                         if year == "total" else f"{year}")
                lines.append("  " + render("diff-budget-total", lang, year=label,
                                           old=fmt_number(t["old"]), new=fmt_number(t["new"]),
                                           difference=signed(t["difference"])))
    if diff.citations:
        lines += ["", f"■ {render('diff-section-citations', lang)}"]
        for c in diff.citations:
            kind = render("diff-bound" if c.bound else "diff-typed", lang)
            lines.append(f"  {c.file}:{c.line}: {kind}: {c.text}")
    return "\n".join(lines)


def json_report(diff: PlanDiff) -> str:
    return json.dumps(diff.as_dict(), ensure_ascii=False, indent=2)
