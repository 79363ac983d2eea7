"""``keikaku new``: the file of a new measure, ready to fill in.

The new measure gets the next display number, the plan's fiscal years, and
placeholders that ``keikaku check`` points at until they are filled: every
budget year is 0 (an error until an amount or a note is given).
"""

from __future__ import annotations

from pathlib import Path

from .model import Plan

TEMPLATE = """---
id: {id}
number: {number}
name: {name}
direction: {direction}
kpis:
  - name: （成果指標の名称）
    unit: 人
    higher_is_better: true
    baseline:
      fiscal_year: {base_year}
      value: 0
    target:
      fiscal_year: {target_year}
      value: 0
budget:
{budget}projects:
  common: []
  ichinoseki: []
  hiraizumi: []
sdgs: []
---

## 取組内容

（取組内容を記入）

## 事業効果

（事業効果を記入）

## 役割分担

（役割分担を記入）
"""


def new_measure(plan: Plan, root: Path, measure_id: str, name: str, direction: str) -> Path:
    """Write measures/<id>.md; the caller has checked that the id is new."""
    path = root / "measures" / f"{measure_id}.md"
    number = max((m.number for m in plan.measures), default=0) + 1
    budget = "".join(f"  {y}: 0\n" for y in plan.fiscal_years)
    path.write_text(TEMPLATE.format(
        id=measure_id, number=number, name=name, direction=direction, budget=budget,
        base_year=plan.base_year, target_year=plan.target_year), encoding="utf-8")
    return path
