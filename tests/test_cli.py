"""The command line: exit codes, reports, export, and no traceback on any input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from keikaku import placeholders
from keikaku.check import load_plan
from keikaku.cli import main
from keikaku.export import csv_header, to_csv, to_json_data

from .conftest import REPO


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_check_clean_repository(capsys) -> None:
    code, out, _ = run(capsys, "check", str(REPO))
    assert code == 0
    assert "0 件のエラー" in out


def test_check_reports_location_first_code_last(capsys, plan_copy: Path) -> None:
    card = plan_copy / "measures" / "holiday-night-care.md"
    card.write_text(card.read_text(encoding="utf-8").replace("method: floor", "method: half_up"),
                    encoding="utf-8")
    code, out, _ = run(capsys, "check", str(plan_copy))
    assert code == 1
    line = next(x for x in out.splitlines() if "kpi-derivation" in x)
    assert line.startswith("measures/holiday-night-care.md:")
    assert line.endswith("[keikaku.kpi-derivation]")


def test_check_a_single_file_reports_only_that_file(capsys, plan_copy: Path) -> None:
    card = plan_copy / "measures" / "holiday-night-care.md"
    card.write_text(card.read_text(encoding="utf-8").replace("method: floor", "method: half_up"),
                    encoding="utf-8")
    code, out, _ = run(capsys, "check", str(plan_copy / "measures" / "school-lunch.md"))
    assert code == 0 and "kpi-derivation" not in out


def test_check_json_and_english(capsys, plan_copy: Path) -> None:
    card = plan_copy / "measures" / "holiday-night-care.md"
    card.write_text(card.read_text(encoding="utf-8").replace("  2028: 48221\n", ""),
                    encoding="utf-8")
    code, out, _ = run(capsys, "--lang", "en", "check", str(plan_copy), "--format", "json")
    assert code == 1
    report = json.loads(out)
    schema = json.loads((REPO / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator(schema).validate(report)  # the tool's output matches its own schema
    problem = next(p for p in report["problems"] if p["code"] == "keikaku.budget-years")
    assert problem["file"] == "measures/holiday-night-care.md"
    assert "missing: 2028" in problem["message"]


def test_strict_keeps_acknowledged_warnings(capsys) -> None:
    """The real plan's warnings all record their reason: --strict (the publishing build)
    passes and still shows them as warnings."""
    recorded = load_plan(REPO).warnings
    assert recorded and all(p.acknowledged for p in recorded)
    code, out, _ = run(capsys, "check", str(REPO), "--strict")
    assert code == 0
    assert f"0 件のエラー、{len(recorded)} 件の警告" in out


def _fill_with_placeholder(root: Path) -> int:
    """Put back new's placeholder for 事業効果 in school-lunch; return its line."""
    card = root / "measures" / "school-lunch.md"
    text = card.read_text(encoding="utf-8")
    old = "一体的な施設利用により、新たな施設整備の経費が軽減される。"
    card.write_text(text.replace(old, placeholders.EFFECT), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_a_placeholder_warns_and_fails_under_strict(capsys, plan_copy: Path) -> None:
    line = _fill_with_placeholder(plan_copy)
    code, out, _ = run(capsys, "check", str(plan_copy))
    assert code == 0
    expected = f"measures/school-lunch.md:{line}: 警告: 未記入: 「（事業効果を記入）」"
    assert expected in out and out.count("[keikaku.placeholder]") == 1
    code, out, _ = run(capsys, "check", str(plan_copy), "--strict")
    assert code == 1
    assert f"measures/school-lunch.md:{line}: エラー: 未記入" in out
    recorded = len(load_plan(REPO).warnings)
    assert f"1 件のエラー、{recorded} 件の警告" in out  # the acknowledged warnings stay warnings
    code, out, err = run(capsys, "export", "--root", str(plan_copy))
    assert code == 1 and out == "" and "未記入" in err  # open data is published: strict


def test_usage_error_exit_2_in_japanese(capsys) -> None:
    code, _, err = run(capsys, "check", "--format", "xml")
    assert code == 2 and "使い方" in err


def test_no_plan_exit_2(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", str(tmp_path))
    assert code == 2 and "計画が見つかりません" in err


def test_export_json_validates(capsys, plan) -> None:
    code, out, _ = run(capsys, "export", "--root", str(REPO), "--format", "json")
    assert code == 0
    data = json.loads(out)
    schema = json.loads((REPO / "schemas" / "export.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator(schema).validate(data)
    first = data["measures"][0]
    assert isinstance(first["budget"][str(plan.period_start)], int)
    assert set(first["projects"]) == {"共通", *(m.name for m in plan.municipalities)}


def test_export_csv_one_row_per_kpi(capsys) -> None:
    code, out, _ = run(capsys, "export", "--root", str(REPO), "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    data = json.loads(run(capsys, "export", "--root", str(REPO))[1])
    assert len(rows) - 1 == sum(max(1, len(m["kpis"])) for m in data["measures"])


def test_export_keeps_a_measure_without_kpis_and_carries_notes() -> None:
    plan = load_plan(REPO).plan
    bare = plan.measure("school-lunch")
    bare.kpis = []
    rows = list(csv.DictReader(io.StringIO(to_csv(plan))))
    assert list(rows[0]) == csv_header(plan)
    (row,) = [r for r in rows if r["施策ID"] == "school-lunch"]
    assert row["成果指標"] == row["現状値"] == row["目標値"] == ""
    assert row["事業費合計（千円）"] == str(bare.budget_total)
    (dx,) = [r for r in rows if r["施策ID"] == "dx-revitalization"]
    assert dx["注記"] == plan.measure("dx-revitalization").notes[0]
    data = to_json_data(plan)
    schema = json.loads((REPO / "schemas" / "export.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator(schema).validate(data)
    by_id = {m["id"]: m for m in data["measures"]}
    assert by_id["school-lunch"]["kpis"] == [] and by_id["school-lunch"]["notes"] == []
    assert by_id["dx-revitalization"]["notes"] == plan.measure("dx-revitalization").notes
    assert data["plan"]["budget_note"] == plan.budget_note


def test_export_refuses_a_plan_with_errors(capsys, plan_copy: Path) -> None:
    card = plan_copy / "measures" / "holiday-night-care.md"
    card.write_text(card.read_text(encoding="utf-8").replace("number: 1\n", "number: x\n"),
                    encoding="utf-8")
    code, out, err = run(capsys, "export", "--root", str(plan_copy))
    assert code == 1 and out == "" and "出力できません" in err


def test_check_never_rewrites_files(capsys, plan_copy: Path) -> None:
    before = {p: p.read_bytes() for p in plan_copy.rglob("*") if p.is_file()}
    run(capsys, "check", str(plan_copy))
    assert before == {p: p.read_bytes() for p in plan_copy.rglob("*") if p.is_file()}


def test_new_measure_is_numbered_next_and_checked(capsys, plan_copy: Path) -> None:
    code, out, _ = run(capsys, "new", "night-clinic", "--name", "夜間診療所事業",
                       "--direction", "community-health-care", "--kpi", "夜間の受診者数",
                       "--root", str(plan_copy))
    assert code == 0 and "measures/night-clinic.md" in out
    text = (plan_copy / "measures" / "night-clinic.md").read_text(encoding="utf-8")
    assert "number: 33\n" in text and "name: 夜間診療所事業\n" in text
    assert "  - name: 夜間の受診者数\n" in text
    assert "  ichinoseki: []\n  hiraizumi: []\n" in text  # the plan's municipalities
    code, out, _ = run(capsys, "check", str(plan_copy))
    assert code == 1  # the zero budgets wait for amounts or a note
    assert "measures/night-clinic.md:" in out and "keikaku.budget-zero" in out
    assert "keikaku.schema" not in out
    # Every placeholder new wrote is reported 「未記入」 at its line, a warning while drafting.
    lines = text.split("\n")
    expected = [i + 1 for i, x in enumerate(lines) if any(t in x for t in placeholders.TEXTS)]
    expected.append(lines.index("      value: 0") + 1)  # the KPI's 0 -> 0
    reported = [int(x.split(":")[1]) for x in out.splitlines()
                if x.startswith("measures/night-clinic.md:") and "[keikaku.placeholder]" in x]
    assert sorted(reported) == sorted(expected) and len(expected) == 4
    assert all(": 警告: 未記入" in x for x in out.splitlines() if "[keikaku.placeholder]" in x)
    # One problem, one message: the unfilled 0 -> 0 is not also an unchanged target.
    assert not [x for x in out.splitlines()
                if x.startswith("measures/night-clinic.md:") and "[keikaku.kpi-" in x]
    code, out, _ = run(capsys, "check", str(plan_copy), "--strict")
    assert sum(": エラー: 未記入" in x for x in out.splitlines()) == 4


def test_new_creates_the_measures_folder(capsys, plan_copy: Path) -> None:
    import shutil

    shutil.rmtree(plan_copy / "measures")
    code, out, err = run(capsys, "new", "night-clinic", "--name", "夜間診療所事業",
                         "--direction", "community-health-care", "--root", str(plan_copy))
    assert (code, err) == (0, "") and "measures/night-clinic.md" in out
    text = (plan_copy / "measures" / "night-clinic.md").read_text(encoding="utf-8")
    assert "number: 1\n" in text


def _problems_about(result, mid: str) -> list[str]:
    return [p.format() for p in result.problems
            if p.file == f"measures/{mid}.md" or mid in p.message()]


def test_a_measure_failing_its_schema_is_one_problem(capsys, plan_copy: Path) -> None:
    """References to the measure (comparison row, errata) are not reported again."""
    card = plan_copy / "measures" / "school-lunch.md"
    card.write_text(card.read_text(encoding="utf-8").replace("number: 18\n", "number: x\n"),
                    encoding="utf-8")
    result = load_plan(plan_copy)
    about = _problems_about(result, "school-lunch")
    assert len(about) == 1 and "[keikaku.schema]" in about[0], about
    assert "measures/school-lunch.md:3:" in about[0]
    assert len(result.errors) == 1, [p.format() for p in result.errors]
    assert result.unchecked == 1
    code, out, _ = run(capsys, "check", str(plan_copy), "--no-cache")
    assert code == 1
    assert out.splitlines()[-1].endswith("。うち 1 ファイルは読み込めないかスキーマに合わないため、"
                                         "その内容とそれへの参照は検査していません")


@pytest.mark.parametrize("mid, number", [("migration-promotion", 30),  # public comments
                                         ("holiday-night-care", 1)])  # comments, numbering
def test_a_measure_referenced_by_comments_failing_its_schema_is_one_problem(
        plan_copy: Path, mid: str, number: int) -> None:
    card = plan_copy / "measures" / f"{mid}.md"
    card.write_text(card.read_text(encoding="utf-8").replace(
        f"number: {number}\n", "number: x\n"), encoding="utf-8")
    result = load_plan(plan_copy)
    assert [p.format() for p in result.errors] == _problems_about(result, mid)
    assert [(p.code, p.file) for p in result.errors] == [("keikaku.schema", f"measures/{mid}.md")]


def test_a_data_file_failing_its_schema_is_one_problem(plan_copy: Path) -> None:
    """Pages citing the population table ({value}) are not reported again."""
    data = plan_copy / "docs" / "data" / "population.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace(
        "2015: {age_0_14: 898,", "2015: {age_0_14: -898,"), encoding="utf-8")
    result = load_plan(plan_copy)
    assert [(p.code, p.file) for p in result.errors] == [
        ("keikaku.schema", "docs/data/population.yaml")], [p.format() for p in result.errors]


def test_a_measure_with_an_unknown_direction_is_one_problem(plan_copy: Path) -> None:
    card = plan_copy / "measures" / "school-lunch.md"
    card.write_text(card.read_text(encoding="utf-8").replace(
        "direction: school-education\n", "direction: school-educaton\n"), encoding="utf-8")
    result = load_plan(plan_copy)
    assert [p.code for p in result.errors] == ["keikaku.reference"], \
        [p.format() for p in result.errors]
    assert "school-educaton" in result.errors[0].message()


def test_new_refuses_an_existing_id_and_a_wrong_direction(capsys, plan_copy: Path) -> None:
    before = (plan_copy / "measures" / "school-lunch.md").read_bytes()
    code, _, err = run(capsys, "new", "school-lunch", "--name", "x", "--direction",
                       "school-education", "--root", str(plan_copy))
    assert code == 2 and "再利用しません" in err
    assert (plan_copy / "measures" / "school-lunch.md").read_bytes() == before
    code, _, err = run(capsys, "new", "x-y", "--name", "x", "--direction", "school-educaton",
                       "--root", str(plan_copy))
    assert code == 2 and "school-education" in err


def test_new_on_an_unreadable_plan_says_so(capsys, plan_copy: Path) -> None:
    (plan_copy / "docs" / "data" / "plan.yaml").write_text("name: [", encoding="utf-8")
    code, _, err = run(capsys, "new", "x-y", "--name", "x", "--direction", "bus",
                       "--root", str(plan_copy))
    assert code == 1 and "読み込めません" in err and "keikaku check" in err
    assert not (plan_copy / "measures" / "x-y.md").exists()
