"""Open data: the plan as JSON (schemas/export.schema.json) and as CSV
(one row per measure x KPI; a measure without KPIs keeps one row with the KPI
columns empty; the measure's notes in every row of it)."""

from __future__ import annotations

import csv
import io
from typing import Any

from . import model
from .model import Kpi, KpiValue, Plan
from .progress import achievement, grading_of
from .values import render_text

COMMON = "共通"
MISSING = model.NOT_AVAILABLE  # an actual written as null
UNDECIDED = model.UNDECIDED


def _value(v: KpiValue) -> dict[str, Any]:
    return {"fiscal_year": v.fiscal_year, "value": v.value}


def _actuals(k: Kpi) -> list[dict[str, Any]]:
    return [{"fiscal_year": a.fiscal_year, "value": a.value,
             **({"note": a.note} if a.note else {})}
            for a in sorted(k.actuals, key=lambda a: a.fiscal_year)]


def _achievement(k: Kpi, grading: dict[str, Any]) -> dict[str, Any] | None:
    got = achievement(k, grading)
    if got is None:
        return None
    return {"fiscal_year": got.fiscal_year, "rate": float(got.rate), "grade": got.grade}


def to_json_data(plan: Plan) -> dict[str, Any]:
    """The export as JSON-ready data."""
    grading = grading_of(plan)
    names = {m.id: m.name for m in plan.municipalities}
    return {
        "plan": {
            "name": plan.name,
            "sphere": plan.sphere,
            "municipalities": [m.name for m in plan.municipalities],
            # one name, or the names joined with 「・」 where a sphere has two (複眼型)
            "central_city": "・".join(names.get(c, c) for c in plan.central_cities),
            "period": {"start": plan.period_start, "end": plan.period_end},
            "base_year": plan.base_year,
            "target_year": plan.target_year,
            "budget_unit": plan.budget_unit,
            "budget_note": render_text(plan, plan.budget_note) if plan.budget_note else None,
        },
        "measures": [
            {
                "id": m.id,
                "number": m.number,
                "name": m.name,
                "area": m.area.name,
                "field": m.field.name,
                "direction": m.direction.name if m.direction else None,
                "direction_id": m.direction.id if m.direction else None,
                "kpis": [
                    {"name": k.name, "unit": k.unit, "baseline": _value(k.baseline),
                     "target": _value(k.target), "actuals": _actuals(k),
                     "achievement": _achievement(k, grading)}
                    for k in m.kpis
                ],
                "budget": {str(y): m.budget[y] for y in sorted(m.budget)},
                **({"budget_undecided": m.undecided_years} if m.undecided_years else {}),
                "projects": {
                    COMMON: list(m.projects.get(model.COMMON, [])),
                    **{names[mid]: list(m.projects.get(mid, [])) for mid in names},
                },
                "notes": [render_text(plan, n) for n in m.notes],
            }
            for m in plan.measures
        ],
    }


def _budget_cell(budget: dict[int, int | None], year: int) -> object:
    """A year's amount; 未定 for a year not yet fixed; empty for a year not given."""
    if year not in budget:
        return ""
    amount = budget[year]
    return UNDECIDED if amount is None else amount


def csv_header(plan: Plan) -> list[str]:
    return [
        "施策ID", "番号", "施策名", "連携する事項", "政策分野", "施策展開の基本的方向",
        "成果指標", "単位", "現状値の年度", "現状値", "目標値の年度", "目標値",
        *(f"事業費{y}年度（千円）" for y in plan.fiscal_years), "事業費合計（千円）", "注記",
        *(f"実績値{y}年度" for y in plan.fiscal_years), "達成率の年度", "達成率（%）", "評価",
    ]


def _progress_columns(plan: Plan, k: Kpi | None, grading: dict[str, Any]) -> list[object]:
    """Each year's actual (empty: none written; 未把握: null), then the achievement."""
    if k is None:
        return [""] * (len(plan.fiscal_years) + 3)
    values = {a.fiscal_year: a.value for a in k.actuals}
    cells: list[object] = [
        "" if y not in values else (MISSING if values[y] is None else values[y])
        for y in plan.fiscal_years]
    got = achievement(k, grading)
    return [*cells, *((got.fiscal_year, float(got.rate), got.grade) if got else ("", "", ""))]


def to_csv(plan: Plan) -> str:
    """One row per measure x KPI (one row with empty KPI columns for a measure without
    KPIs), UTF-8 text with a header row. 注記: the measure's notes, one per line."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(csv_header(plan))
    grading = grading_of(plan)
    for m in plan.measures:
        kpis: list[tuple[list[object], Kpi | None]] = [
            ([k.name, k.unit, k.baseline.fiscal_year, k.baseline.value,
              k.target.fiscal_year, k.target.value], k) for k in m.kpis
        ] or [([""] * 6, None)]
        for kpi, k in kpis:
            writer.writerow([
                m.id, m.number, m.name, m.area.name, m.field.name,
                m.direction.name if m.direction else "", *kpi,
                *(_budget_cell(m.budget, y) for y in plan.fiscal_years), m.budget_total,
                "\n".join(render_text(plan, n) for n in m.notes),
                *_progress_columns(plan, k, grading),
            ])
    return out.getvalue()
