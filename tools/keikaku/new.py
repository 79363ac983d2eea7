"""``keikaku new``: the file of a new measure, ready to fill in.

The new measure gets the next display number, the plan's fiscal years and
municipalities, and the placeholders of ``keikaku.placeholders``, which
``keikaku check`` reports as 「未記入」 until they are filled (a warning while
drafting, an error under ``--strict``). A budget year not given (``--budget``) is 0:
an error until an amount is given, or a note names the year. Without ``--kpi`` the
measure has no KPI (KPIs are optional); with it, the KPI's values are placeholders.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from . import placeholders as ph
from .model import Plan

TEMPLATE = """---
id: {id}
number: {number}
name: {name}
{place_key}: {place}
{kpis}budget:
{budget}projects:
{projects}sdgs: []
---

## 取組内容

{content}

## 事業効果

{effect}

## 役割分担

{roles}
"""


KPI = """\
  - name: {kpi_name}
    unit: 人
    higher_is_better: {higher}
    baseline:
      fiscal_year: {base_year}
      value: {kpi_value}
    target:
      fiscal_year: {target_year}
      value: {kpi_value}
"""


class NewError(ValueError):
    """A flag of ``keikaku new`` the plan cannot take: a message key and its parameters."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key, self.params = key, params


def place_of(plan: Plan, given: str | None) -> tuple[str, str]:
    """Where a new measure sits: ``("direction", id)``, or ``("field", id)`` for a field
    without directions; the one given, or the plan's only place when it has one."""
    import difflib

    places = [("direction", d.id) for d in plan.directions()] + [
        ("field", f.id) for f in plan.fields() if not f.directions]
    ids = [ident for _, ident in places]
    if given is None:
        if len(places) == 1:
            return places[0]
        raise NewError("new-direction-required", known=", ".join(ids))
    found = next((p for p in places if p[1] == given), None)
    if found is None:
        close = difflib.get_close_matches(given, ids, n=1)
        raise NewError("unknown-direction", id=given, close=close[0] if close else "")
    return found


def parse_budget(plan: Plan, pairs: list[str]) -> dict[int, int]:
    """``--budget YEAR=AMOUNT``: years of the period, each once, whole amounts >= 0
    (thousands separators allowed)."""
    budget: dict[int, int] = {}
    for text in pairs:
        year, _, amount = text.partition("=")
        year, amount = year.strip(), amount.strip().replace(",", "")
        if not (year.isdigit() and amount.isdigit() and int(year) in plan.fiscal_years
                and int(year) not in budget):
            raise NewError("new-bad-budget", value=text, unit=plan.budget_unit,
                           start=plan.period_start, end=plan.period_end)
        budget[int(year)] = int(amount)
    return budget


def parse_projects(plan: Plan, pairs: list[str]) -> dict[str, list[str]]:
    """``--project MUNICIPALITY=NAME``: project names by ``common`` or a municipality id."""
    ids = ["common", *(m.id for m in plan.municipalities)]
    projects: dict[str, list[str]] = {}
    for text in pairs:
        mid, sep, name = text.partition("=")
        if not sep or mid.strip() not in ids or not name.strip():
            raise NewError("new-bad-project", value=text, known=", ".join(ids))
        projects.setdefault(mid.strip(), []).append(name.strip())
    return projects


def _scalar(value: str) -> str:
    """A YAML string as PyYAML writes it (quoted only where YAML needs it)."""
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True,
                          width=1_000).removesuffix("\n...\n").strip()


def _list(values: list[str]) -> str:
    return "".join(f"\n    - {_scalar(v)}" for v in values) if values else " []"


def new_measure(plan: Plan, root: Path, measure_id: str, name: str, place: str | tuple[str, str],
                budget: dict[int, int] | None = None,
                projects: dict[str, list[str]] | None = None, kpi: str | None = None) -> Path:
    """Write measures/<id>.md (creating measures/); the caller has checked that the id is
    new and the budget years, project keys and place are the plan's. ``place`` is a
    direction id, or ``("field", id)`` for a field without directions. Project groups
    are ``common`` and the plan's own municipality ids. A year without an amount is 0
    (reported until filled in); without a KPI name, the measure has no KPI; with one, its
    values are placeholders."""
    budget, projects = budget or {}, projects or {}
    place_key, place_id = ("direction", place) if isinstance(place, str) else place
    path = root / "measures" / f"{measure_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    number = max((m.number for m in plan.measures), default=0) + 1
    years = "".join(f"  {y}: {budget.get(y, 0)}\n" for y in plan.fiscal_years)
    groups = "".join(f"  {key}:{_list(projects.get(key, []))}\n"
                     for key in ["common", *(m.id for m in plan.municipalities)])
    kpis = "kpis: []\n" if kpi is None else "kpis:\n" + KPI.format(
        kpi_name=_scalar(kpi), kpi_value=ph.KPI_VALUE, base_year=plan.base_year,
        target_year=plan.target_year, higher="true" if ph.KPI_HIGHER_IS_BETTER else "false")
    with path.open("x", encoding="utf-8", newline="\n") as f:
        f.write(TEMPLATE.format(
            id=measure_id, number=number, name=_scalar(name), place_key=place_key, place=place_id,
            kpis=kpis, budget=years, projects=groups,
            content=ph.CONTENT, effect=ph.EFFECT, roles=ph.ROLES))
    return path
