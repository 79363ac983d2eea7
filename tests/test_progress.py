"""達成率 and grades: the three cases of the issue with hand-checked numbers, the
default and declared grading tables, the export and `keikaku report`."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from keikaku import progress
from keikaku.check import load_plan
from keikaku.cli import main
from keikaku.export import to_csv, to_json_data
from keikaku.model import Actual, Kpi, KpiValue

from .actuals_fixture import add_actuals


def kpi(baseline: float, target: float, higher: bool = True, actuals: dict | None = None,
        years: tuple[int, int] = (2022, 2028)) -> Kpi:
    return Kpi("指標", "人", higher, KpiValue(years[0], baseline), KpiValue(years[1], target),
               actuals=tuple(Actual(y, v) for y, v in (actuals or {}).items()))


def test_rate_target_better_than_baseline() -> None:
    # (89 - 82) / (96 - 82) x 100 = 7 / 14 x 100 = 50.0
    assert progress.rate(kpi(82, 96), 89) == Decimal("50.0")
    # (85 - 82) / (96 - 82) x 100 = 3 / 14 x 100 = 21.428... -> 21.4
    assert progress.rate(kpi(82, 96), 85) == Decimal("21.4")
    # lower is better, 100 -> 80: (90 - 100) / (80 - 100) x 100 = -10 / -20 x 100 = 50.0
    assert progress.rate(kpi(100, 80, higher=False), 90) == Decimal("50.0")


def test_rate_target_equal_to_baseline() -> None:
    # keeping 84: 80 / 84 x 100 = 95.238... -> 95.2
    assert progress.rate(kpi(84, 84), 80) == Decimal("95.2")
    # lower is better, keeping 10: target / actual = 10 / 8 x 100 = 125.0
    assert progress.rate(kpi(10, 10, higher=False), 8) == Decimal("125.0")


def test_rate_target_worse_than_baseline() -> None:
    # 10,778 -> 10,162 (higher is better): 10,300 / 10,162 x 100 = 101.358... -> 101.4
    assert progress.rate(kpi(10778, 10162), 10300) == Decimal("101.4")
    # lower is better, 10 -> 12: 12 / 11 x 100 = 109.0909... -> 109.1
    assert progress.rate(kpi(10, 12, higher=False), 11) == Decimal("109.1")


def test_rate_rounds_half_up() -> None:
    # (82.25 - 82) / (96 - 82) x 100 = 0.25 / 14 x 100 = 1.7857... -> 1.8;
    # 0.05 x 100 / 100 = 0.05 -> 0.1 (half up, not half even)
    assert progress.rate(kpi(82, 96), 82.25) == Decimal("1.8")
    assert progress.rate(kpi(0, 100), 0.05) == Decimal("0.1")


def test_expected_progress_uses_the_kpis_own_years() -> None:
    # (2025 - 2022) / (2028 - 2022) x 100 = 50.0; (2024 - 2022) / 6 = 33.333... -> 33.3
    assert progress.expected(kpi(82, 96), 2025) == Decimal("50.0")
    assert progress.expected(kpi(82, 96), 2024) == Decimal("33.3")
    # a KPI measured from 2023 to 2027: (2025 - 2023) / (2027 - 2023) x 100 = 50.0
    assert progress.expected(kpi(82, 96, years=(2023, 2027)), 2025) == Decimal("50.0")
    # keeping a level: nothing to prorate
    assert progress.expected(kpi(84, 84), 2024) == Decimal(100)


def test_default_grading_against_expected_progress() -> None:
    grading = progress.default_grading()
    # 2025: rate 50.0, expected 50.0 -> score 100 -> A
    got = progress.achievement(kpi(82, 96, actuals={2024: 85, 2025: 89}), grading)
    assert got is not None
    assert (got.fiscal_year, got.rate, got.expected, got.grade) == (
        2025, Decimal("50.0"), Decimal("50.0"), "A")
    # only 2024: rate 21.4, expected 33.3 -> 21.4 / 33.3 x 100 = 64.26... -> C (50 <= . < 80)
    got = progress.achievement(kpi(82, 96, actuals={2024: 85}), grading)
    assert got is not None and got.grade == "C"
    # a null year is skipped; the latest year with a value counts
    got = progress.achievement(kpi(82, 96, actuals={2024: 89, 2025: None}), grading)
    assert got is not None and got.fiscal_year == 2024


def test_no_actual_no_achievement() -> None:
    assert progress.achievement(kpi(82, 96), progress.default_grading()) is None
    assert progress.achievement(kpi(82, 96, actuals={2025: None}),
                                progress.default_grading()) is None


def test_declared_grading_on_the_rate_with_above() -> None:
    grading = {"basis": "rate", "grades": [
        {"grade": "S", "label": "目標達成", "min": 100},
        {"grade": "A", "label": "改善", "above": 0},
        {"grade": "B", "label": "横ばい", "min": 0},
        {"grade": "C", "label": "悪化"}]}
    # (82 - 82) / 14 x 100 = 0.0 -> not above 0, at least 0 -> B
    assert progress.achievement(kpi(82, 96, actuals={2025: 82}), grading).grade == "B"
    # (96 - 82) / 14 x 100 = 100.0 -> S; (80 - 82) / 14 x 100 = -14.3 -> C
    assert progress.achievement(kpi(82, 96, actuals={2025: 96}), grading).grade == "S"
    assert progress.achievement(kpi(82, 96, actuals={2025: 80}), grading).grade == "C"


@pytest.fixture
def actuals_plan(plan_copy: Path) -> Path:
    return add_actuals(plan_copy)


def _kpi(data: dict, measure: str) -> dict:
    return next(m for m in data["measures"] if m["id"] == measure)["kpis"][0]


def test_fixture_plan_checks_and_exports_the_rates(actuals_plan: Path) -> None:
    result = load_plan(actuals_plan)
    assert result.errors == []
    data = to_json_data(result.plan)
    # better: (89 - 82) / (96 - 82) x 100 = 50.0; expected (2025 - 2022) / 6 = 50.0 -> A
    assert _kpi(data, "local-employment")["achievement"] == {
        "fiscal_year": 2025, "rate": 50.0, "grade": "A"}
    assert _kpi(data, "local-employment")["actuals"] == [
        {"fiscal_year": 2024, "value": 85}, {"fiscal_year": 2025, "value": 89}]
    # equal: 80 / 84 x 100 = 95.2; expected 100 -> score 95.2 -> B
    assert _kpi(data, "holiday-night-care")["achievement"] == {
        "fiscal_year": 2025, "rate": 95.2, "grade": "B"}
    assert _kpi(data, "holiday-night-care")["actuals"][0] == {
        "fiscal_year": 2024, "value": None, "note": "集計中のため未把握"}
    # worse: 10,300 / 10,162 x 100 = 101.4 -> A
    assert _kpi(data, "child-rearing-environment")["achievement"] == {
        "fiscal_year": 2025, "rate": 101.4, "grade": "A"}
    assert _kpi(data, "school-lunch")["achievement"] is None
    from keikaku.schemas import validator

    assert list(validator(actuals_plan, "export").iter_errors(data)) == []


def test_fixture_plan_csv_columns(actuals_plan: Path) -> None:
    plan = load_plan(actuals_plan).plan
    rows = list(csv.DictReader(io.StringIO(to_csv(plan))))
    row = next(r for r in rows if r["施策ID"] == "holiday-night-care")
    assert (row["実績値2024年度"], row["実績値2025年度"], row["実績値2026年度"]) == (
        "未把握", "80", "")
    assert (row["達成率の年度"], row["達成率（%）"], row["評価"]) == ("2025", "95.2", "B")
    row = next(r for r in rows if r["施策ID"] == "school-lunch")
    assert (row["達成率（%）"], row["評価"]) == ("", "")


def test_counts_per_grade(actuals_plan: Path) -> None:
    plan = load_plan(actuals_plan).plan
    assert progress.counts(plan) == {"A": 2, "B": 1, "C": 0, "D": 0}


def test_repository_has_no_actuals(plan) -> None:
    assert not progress.has_actuals(plan)
    assert set(progress.counts(plan).values()) == {0}


def test_export_cli_with_actuals(actuals_plan: Path, capsys) -> None:
    assert main(["export", "--root", str(actuals_plan)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert _kpi(data, "local-employment")["achievement"]["rate"] == 50.0


def test_report_markdown_for_the_council(actuals_plan: Path, capsys) -> None:
    assert main(["report", "--fiscal-year", "2025", "--root", str(actuals_plan)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# 第３次一関・平泉定住自立圏共生ビジョン 成果指標の進捗（2025年度）")
    assert "評価の件数: A（順調）2件、B（おおむね順調）1件、C（遅れ）0件" in out
    assert "| 84%（2022） | 84%（2028） | 80% | 95.2% | B（おおむね順調） |" in out
    # 2024 of the same KPI is null with its note: not available, not graded
    assert main(["report", "--fiscal-year", "2024", "--root", str(actuals_plan)]) == 0
    assert "| 未把握（集計中のため未把握） | - | - |" in capsys.readouterr().out


def test_report_csv_and_a_year_outside_the_plan(actuals_plan: Path, capsys) -> None:
    assert main(["report", "--fiscal-year", "2025", "--format", "csv",
                 "--root", str(actuals_plan)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    row = next(r for r in rows if r["施策名"] == "子育て環境整備事業")
    # 10,300 / 10,162 x 100 = 101.358... -> 101.4
    assert (row["実績値"], row["達成率（%）"], row["評価"]) == ("10300", "101.4", "A")
    assert main(["report", "--fiscal-year", "2030", "--root", str(actuals_plan)]) == 2
    assert "計画期間（2024〜2028年度）の外です" in capsys.readouterr().err


def test_report_says_when_no_actuals_are_recorded(capsys) -> None:
    from .conftest import REPO

    assert main(["report", "--fiscal-year", "2024", "--root", str(REPO)]) == 0
    assert "2024年度の実績値はまだ記録されていません。" in capsys.readouterr().out


def test_diff_reports_actuals_and_the_grade_changes_they_cause(tmp_path: Path) -> None:
    from keikaku.diff import compare
    from keikaku.diffreport import text_report

    from .conftest import copy_plan

    base = load_plan(add_actuals(copy_plan(tmp_path / "base"))).plan
    root = add_actuals(copy_plan(tmp_path / "head"))
    path = root / "measures" / "local-employment.md"
    text = path.read_text(encoding="utf-8")
    # 2025 changed 89 -> 96 and 2026 added: (96 - 82) / (96 - 82) = 100.0 in 2026,
    # expected (2026 - 2022) / 6 = 66.7 -> A; before: 50.0% in 2025 -> A (grade kept,
    # rate and year changed)
    path.write_text(text.replace("      2025: 89\n", "      2025: 96\n      2026: 96\n"),
                    encoding="utf-8")
    path = root / "measures" / "holiday-night-care.md"
    text = path.read_text(encoding="utf-8")
    # 2025: 80 -> 60: 60 / 84 x 100 = 71.428... -> 71.4; expected 100 -> C (was B, 95.2)
    path.write_text(text.replace("      2025: 80\n", "      2025: 60\n"), encoding="utf-8")
    head = load_plan(root).plan
    diff = compare(base, head, "base", "head")
    got = [(c.kind, c.measure, {k: v for k, v in c.detail.items() if k != "kpi"})
           for c in diff.changes if c.kind.startswith(("actual-", "grade-"))]
    assert got == [
        ("actual-changed", "holiday-night-care", {"year": 2025, "old": "80%", "new": "60%"}),
        ("grade-changed", "holiday-night-care",
         {"old": "B（95.2%、2025年度）", "new": "C（71.4%、2025年度）"}),
        ("actual-changed", "local-employment", {"year": 2025, "old": "89%", "new": "96%"}),
        ("actual-added", "local-employment", {"year": 2026, "new": "96%"}),
        ("grade-changed", "local-employment",
         {"old": "A（50.0%、2025年度）", "new": "A（100.0%、2026年度）"}),
    ]
    report = text_report(diff)
    assert "■ 実績値と評価" in report
    assert "2025年度の実績値を変更: 80% → 60%" in report


def test_a_measure_with_no_kpis_is_carried_without_progress(actuals_plan: Path) -> None:
    """Plans where a measure has no KPI (the plan-agnostic schema allows it)."""
    from keikaku.sphinxext.sources import measure_page

    plan = load_plan(actuals_plan).plan
    m = plan.measure("local-employment")
    m.kpis.clear()
    assert all(r.measure is not m for r in progress.rows(plan))
    assert progress.counts(plan) == {"A": 1, "B": 1, "C": 0, "D": 0}
    assert next(x for x in to_json_data(plan)["measures"] if x["id"] == m.id)["kpis"] == []
    row = next(r for r in csv.DictReader(io.StringIO(to_csv(plan))) if r["施策ID"] == m.id)
    assert (row["成果指標"], row["達成率（%）"], row["評価"]) == ("", "", "")
    assert "kpi-charts" not in measure_page(plan, actuals_plan, f"measures/{m.id}")
