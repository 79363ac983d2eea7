"""``keikaku new``: the file of a new measure, ready to fill in.

The new measure gets the next display number, the plan's fiscal years and
municipalities, and the placeholders of ``keikaku.placeholders``, which
``keikaku check`` reports as 「未記入」 until they are filled (a warning while
drafting, an error under ``--strict``). Every budget year is 0: an error until an
amount is given, or a note names the year.
"""

from __future__ import annotations

from pathlib import Path

from . import placeholders as ph
from .model import Plan

TEMPLATE = """---
id: {id}
number: {number}
name: {name}
direction: {direction}
kpis:
  - name: {kpi_name}
    unit: 人
    higher_is_better: {higher}
    baseline:
      fiscal_year: {base_year}
      value: {kpi_value}
    target:
      fiscal_year: {target_year}
      value: {kpi_value}
budget:
{budget}projects:
  common: []
{projects}sdgs: []
---

## 取組内容

{content}

## 事業効果

{effect}

## 役割分担

{roles}
"""


def new_measure(plan: Plan, root: Path, measure_id: str, name: str, direction: str) -> Path:
    """Write measures/<id>.md (creating measures/); the caller has checked that the id is
    new. Project groups are the plan's own municipality ids (the measure schema still
    names the two of this plan: a plan-agnostic schema is a later issue)."""
    path = root / "measures" / f"{measure_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    number = max((m.number for m in plan.measures), default=0) + 1
    budget = "".join(f"  {y}: 0\n" for y in plan.fiscal_years)
    projects = "".join(f"  {m.id}: []\n" for m in plan.municipalities)
    path.write_text(TEMPLATE.format(
        id=measure_id, number=number, name=name, direction=direction, budget=budget,
        projects=projects, base_year=plan.base_year, target_year=plan.target_year,
        kpi_name=ph.KPI_NAME, kpi_value=ph.KPI_VALUE,
        higher="true" if ph.KPI_HIGHER_IS_BETTER else "false",
        content=ph.CONTENT, effect=ph.EFFECT, roles=ph.ROLES), encoding="utf-8")
    return path
