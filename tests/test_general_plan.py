"""The general form of a plan (issue 10) on a copy of this one: a budget year left 未定,
a field without directions holding a measure directly, and {value}'s list and era
formats. Each test changes the copy in one way and reads what keikaku makes of it."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from jsonschema import Draft202012Validator

from keikaku.check import load_plan
from keikaku.export import to_csv, to_json_data
from keikaku.problems import Severity
from keikaku.values import resolve

from .conftest import REPO

MEASURE = "measures/medical-staff-support.md"


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (rel, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def _errors(root: Path) -> list[str]:
    result = load_plan(root)
    return [p.format() for p in result.problems if p.severity is Severity.ERROR]


def _export_schema() -> Draft202012Validator:
    return Draft202012Validator(json.loads(
        (REPO / "schemas" / "export.schema.json").read_text(encoding="utf-8")))


def test_an_undecided_year_is_left_out_of_totals_and_said_so(plan_copy: Path) -> None:
    text = (plan_copy / MEASURE).read_text(encoding="utf-8")
    year, amount = re.search(r"\n  (\d{4}): (\d+)\nprojects:", text).groups()
    _edit(plan_copy, MEASURE, f"  {year}: {amount}\nprojects:",
          f"  {year}: null\nnotes:\n  - {year}年度の事業費は未定です。\nprojects:")
    assert _errors(plan_copy) == []
    before = load_plan(REPO).plan
    plan = load_plan(plan_copy).plan
    m = plan.measure("medical-staff-support")
    assert m.undecided_years == [int(year)]
    assert m.budget_total == before.measure(m.id).budget_total - int(amount)
    assert plan.budget_totals()["total"] == before.budget_totals()["total"] - int(amount)
    data = to_json_data(plan)
    _export_schema().validate(data)
    entry = next(e for e in data["measures"] if e["id"] == m.id)
    assert entry["budget"][year] is None and entry["budget_undecided"] == [int(year)]
    rows = [r for r in csv.DictReader(io.StringIO(to_csv(plan))) if r["施策ID"] == m.id]
    assert rows and all(r[f"事業費{year}年度（千円）"] == "未定" for r in rows)
    assert all(r["事業費合計（千円）"] == str(m.budget_total) for r in rows)


def test_a_field_without_directions_holds_its_measures(plan_copy: Path) -> None:
    """A new field with no directions; a measure moved there names it by ``field:``.
    Its id may equal a direction's: the namespaces are distinct."""
    plan = load_plan(REPO).plan
    comments = (REPO / "docs/data/comments.yaml").read_text(encoding="utf-8")
    # a measure whose direction keeps others and that no comment counts under its field
    source = next(m for m in plan.measures if len(plan.measures_of(m.direction)) > 1
                  and m.id not in comments)
    area = source.area
    structure = (plan_copy / "docs/data/structure.yaml").read_text(encoding="utf-8")
    last_field = area.fields[-1]
    new_field = (f"      - id: {source.direction.id}\n        name: 試しの政策分野\n")
    # append the field after the area's last field: before the next area or at the end
    later = [a for a in plan.areas if a.index > area.index]
    marker = f"  - id: {later[0].id}\n" if later else None
    if marker:
        _edit(plan_copy, "docs/data/structure.yaml", marker, new_field + marker)
    else:
        (plan_copy / "docs/data/structure.yaml").write_text(structure + new_field,
                                                            encoding="utf-8")
    _edit(plan_copy, source.doc.rel, f"direction: {source.direction.id}\n",
          f"field: {source.direction.id}\n")
    assert _errors(plan_copy) == []
    moved = load_plan(plan_copy).plan
    m = moved.measure(source.id)
    assert m.direction is None and m.field.name == "試しの政策分野"
    assert m.field is not last_field and m.area.id == area.id
    assert moved.groups(m.field) == [(None, [m])]
    data = to_json_data(moved)
    _export_schema().validate(data)
    entry = next(e for e in data["measures"] if e["id"] == m.id)
    assert entry["direction"] is None and entry["field"] == "試しの政策分野"


def test_a_measure_naming_a_field_with_directions_is_reported(plan_copy: Path) -> None:
    plan = load_plan(REPO).plan
    m = plan.measures[0]
    _edit(plan_copy, m.doc.rel, f"direction: {m.direction.id}\n", f"field: {m.field.id}\n")
    text = (plan_copy / m.doc.rel).read_text(encoding="utf-8")
    line = text[:text.index(f"field: {m.field.id}")].count("\n") + 1
    problems = [p for p in load_plan(plan_copy).problems if p.code == "keikaku.reference"]
    assert [(p.file, p.line) for p in problems] == [(m.doc.rel, line)]
    assert m.field.id in problems[0].message("ja")


def test_value_joins_lists_counts_and_gives_the_era(plan) -> None:
    names = [m.name for m in plan.municipalities]
    assert resolve(plan, "plan.municipalities:names") == "・".join(names)
    assert resolve(plan, "plan.municipalities:names(及び)") == (
        "、".join(names[:-1]) + "及び" + names[-1] if len(names) > 1 else names[0])
    kinds = {k: sum(n.endswith(k) for n in names) for k in "市町村"}
    full = str.maketrans("0123456789", "０１２３４５６７８９")
    assert resolve(plan, "plan.municipalities:count") == "".join(
        f"{str(n).translate(full)}{k}" for k, n in kinds.items() if n)
    central = {m.id: m.name for m in plan.municipalities}
    assert resolve(plan, "plan.central_cities:names") == "・".join(
        central[c] for c in plan.central_cities)
    last = plan.municipalities[-1]
    assert resolve(plan, f"plan.municipalities.{last.id}.name") == last.name
    assert resolve(plan, "plan.period.start:fiscal_era").endswith("年度")
    assert resolve(plan, "plan.period.start:era") + "度" == resolve(
        plan, "plan.period.start:fiscal_era")
