"""`keikaku report --fiscal-year YEAR`: the year's progress of every KPI for the council,
as Markdown (Japanese) or CSV. Each KPI's 達成率 and grade are those of that year's actual."""

from __future__ import annotations

import csv
import io

from .messages import render
from .model import NOT_AVAILABLE, Actual, Plan
from .numbers import fmt_number
from .progress import Row, counts, grading_of, rows


def _actual(row: Row, year: int) -> Actual | None:
    return next((a for a in row.kpi.actuals if a.fiscal_year == year), None)


def _actual_text(row: Row, year: int, lang: str) -> str:
    a = _actual(row, year)
    if a is None:
        return render("progress-not-recorded", lang)
    if a.value is None:
        return render("progress-not-available", lang) + (f"（{a.note}）" if a.note else "")
    return fmt_number(a.value) + row.kpi.unit


def grade_counts_text(plan: Plan, year: int | None, lang: str = "ja") -> str:
    labels = {g["grade"]: g["label"] for g in grading_of(plan)["grades"]}
    per = counts(plan, year)
    ungraded = len(rows(plan, year)) - sum(per.values())
    parts = [render("progress-count", lang, grade=g, label=labels[g], count=n)
             for g, n in per.items()]
    parts.append(render("progress-count-none", lang, count=ungraded))
    return render("progress-list-sep", lang).join(parts)


def markdown(plan: Plan, year: int, lang: str = "ja") -> str:
    out = [render("progress-report-title", lang, plan=plan.name, year=year), ""]
    all_rows = rows(plan, year)
    if not any(_actual(r, year) for r in all_rows):
        out += [render("progress-report-none", lang, year=year), ""]
    out += [render("progress-report-counts", lang, counts=grade_counts_text(plan, year, lang)),
            ""]
    head = render("progress-report-header", lang, year=year).split("|")
    for f in plan.fields():
        field_rows = [r for r in all_rows if r.measure.field is f]
        if not field_rows:
            continue
        out += [f"## {f.name}", "", "| " + " | ".join(head) + " |",
                "|" + "---|" * len(head)]
        for r in field_rows:
            got = r.achievement
            cells = [f"{r.measure.number} {r.measure.name}", r.kpi.name,
                     f"{fmt_number(r.kpi.baseline.value)}{r.kpi.unit}"
                     f"（{r.kpi.baseline.fiscal_year}）",
                     f"{fmt_number(r.kpi.target.value)}{r.kpi.unit}"
                     f"（{r.kpi.target.fiscal_year}）",
                     _actual_text(r, year, lang),
                     f"{fmt_number(got.rate, 1)}%" if got else "-",
                     f"{got.grade}（{got.label}）" if got else "-"]
            out.append("| " + " | ".join(c.replace("|", "｜") for c in cells) + " |")
        out.append("")
    return "\n".join(out)


CSV_HEADER = ["政策分野", "施策番号", "施策名", "成果指標", "単位", "現状値の年度", "現状値",
              "目標値の年度", "目標値", "年度", "実績値", "実績値の注記", "達成率（%）",
              "評価", "評価の意味"]


def to_csv(plan: Plan, year: int) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for r in rows(plan, year):
        a = _actual(r, year)
        value: object = "" if a is None else (NOT_AVAILABLE if a.value is None else a.value)
        got = r.achievement
        writer.writerow([
            r.measure.field.name, r.measure.number, r.measure.name, r.kpi.name, r.kpi.unit,
            r.kpi.baseline.fiscal_year, r.kpi.baseline.value, r.kpi.target.fiscal_year,
            r.kpi.target.value, year, value, (a.note or "") if a else "",
            float(got.rate) if got else "", got.grade if got else "",
            got.label if got else ""])
    return out.getvalue()
