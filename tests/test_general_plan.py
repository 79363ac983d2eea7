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


SMALL_PLAN = """\
name: 第１次みなみ・きた定住自立圏共生ビジョン
sphere: みなみ・きた定住自立圏
municipalities:
  - {id: minami, name: みなみ市, prefecture: 甲県}
  - {id: kita, name: きた町, prefecture: 甲県}
  - {id: nishi, name: にし村, prefecture: 乙県}
central_cities: [minami, kita]
agreements:
  - {name: みなみ・にし定住自立圏形成協定, municipalities: [minami, nishi], signed: 2011-04-01}
  - {name: きた・にし定住自立圏形成協定, municipalities: [kita, nishi], signed: 2011-05-01}
period: {start: 2012, end: 2016}
base_year: 2010
target_year: 2016
budget_unit: 千円
"""
SMALL_STRUCTURE = """\
areas:
  - id: life
    name: 生活機能の強化
    fields:
      - id: medical
        name: 医療
"""
SMALL_MEASURE = """\
---
id: clinic
number: 1
name: 診療所運営事業
field: medical
budget: {2012: 100, 2013: 100, 2014: 100, 2015: null, 2016: null}
projects:
  common: [診療所運営事業]
  nishi: []
sdgs: []
notes:
  - 2015年度以降の事業費は未定です。
---

## 取組内容

診療所を運営する。

## 事業効果

医療が確保される。

## 役割分担

みなみ市が運営し、費用を負担する。
"""


def small_plan(root: Path) -> Path:
    """Three municipalities in two prefectures, two central cities, two agreements, a
    field without directions, a measure without KPIs whose last years are 未定, and
    none of the optional files (population, errata, comments, comparison, facts,
    glossary, archived source)."""
    import shutil

    (root / "docs" / "data").mkdir(parents=True)
    (root / "measures").mkdir()
    shutil.copytree(REPO / "schemas", root / "schemas")
    (root / "docs/data/plan.yaml").write_text(SMALL_PLAN, encoding="utf-8")
    (root / "docs/data/structure.yaml").write_text(SMALL_STRUCTURE, encoding="utf-8")
    (root / "measures/clinic.md").write_text(SMALL_MEASURE, encoding="utf-8")
    return root


def test_a_small_plan_without_optional_files_checks_clean(tmp_path: Path) -> None:
    result = load_plan(small_plan(tmp_path / "plan"))
    assert [p.format() for p in result.problems] == []
    plan = result.plan
    assert plan.population is None and plan.errata == [] and plan.comments is None
    m = plan.measure("clinic")
    assert m.direction is None and m.kpis == [] and m.undecided_years == [2015, 2016]
    assert plan.label("budget_total") == f"{len(plan.fiscal_years)}年間合計"
    data = to_json_data(plan)
    _export_schema().validate(data)
    assert data["plan"]["municipalities"] == ["みなみ市", "きた町", "にし村"]
    assert data["plan"]["central_city"] == "みなみ市・きた町"
    assert resolve(plan, "plan.municipalities:count") == "１市１町１村"
    assert resolve(plan, "plan.municipalities:names(及び)") == "みなみ市、きた町及びにし村"


def test_a_small_plan_reports_an_undecided_year_without_its_note(tmp_path: Path) -> None:
    root = small_plan(tmp_path / "plan")
    _edit(root, "measures/clinic.md", "  - 2015年度以降の事業費は未定です。\n",
          "  - 2016年度の事業費は未定です。\n")
    text = (root / "measures/clinic.md").read_text(encoding="utf-8")
    line = text[:text.index("budget:")].count("\n") + 1  # the flow mapping's line
    found = [(p.code, p.line) for p in load_plan(root).problems]
    assert found == [("keikaku.budget-undecided", line)]


def test_the_card_shows_undecided_years_and_kpis_of_their_own_years(tmp_path: Path) -> None:
    """The card's blocks, rendered without Sphinx: 未定 in its year, a total that says
    it leaves it out, 設定なし for no KPIs, and a KPI's own year beside its value."""
    from keikaku.sphinxext.card import UNDECIDED, budget_block, kpi_block
    from keikaku.sphinxext.texts import site_text

    excluding_undecided, no_kpis = (site_text(key, "ja")
                                    for key in ("excluding-undecided", "card-no-kpis"))

    root = small_plan(tmp_path / "plan")
    plan = load_plan(root).plan
    m = plan.measure("clinic")
    text = budget_block(plan, m).astext()
    cells = [line for line in text.split("\n") if line]
    assert cells.count(UNDECIDED) == len(m.undecided_years)
    assert cells[-1] == f"{m.budget_total:,}{excluding_undecided}"
    assert [n.astext() for n in kpi_block(plan, m)] == [no_kpis]
    own = plan.base_year + 1
    _edit(root, "measures/clinic.md", "field: medical\n",
          "field: medical\nkpis:\n  - name: 受診者数\n    unit: 人\n    higher_is_better: true\n"
          f"    baseline: {{fiscal_year: {own}, value: 10}}\n    target: {{value: 20}}\n")
    plan = load_plan(root).plan
    text = kpi_block(plan, plan.measure("clinic"))[0].astext()
    assert f"10人（{own}年度）" in text and "20人" in text and "20人（" not in text


def test_a_plan_may_rename_the_card_rows_and_the_period_total(tmp_path: Path) -> None:
    from keikaku.model import DEFAULT_LABELS

    root = small_plan(tmp_path / "plan")
    _edit(root, "docs/data/plan.yaml", "budget_unit: 千円\n",
          "budget_unit: 千円\nlabels:\n  card_municipalities: 関係市町村\n"
          "  budget_total: 計画期間の合計\n")
    result = load_plan(root)
    assert [p.format() for p in result.problems] == []
    plan = result.plan
    assert plan.label("card_municipalities") == "関係市町村"
    assert plan.label("budget_total") == "計画期間の合計"
    assert plan.label("card_name") == DEFAULT_LABELS["card_name"]
