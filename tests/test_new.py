"""keikaku new's data flags: --budget, --project, --kpi, and --direction left out."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from keikaku.check import load_plan
from keikaku.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_budgets_and_projects_are_written_and_pass_the_checks(capsys, plan_copy: Path) -> None:
    budget = {2024: 1200, 2025: 1300, 2026: 0, 2027: 1300, 2028: 1400}
    args = [a for y, v in budget.items() for a in ("--budget", f"{y}={v:,}")]
    code, _, err = run(capsys, "new", "night-clinic", "--name", "夜間診療所事業",
                       "--direction", "community-health-care", "--kpi", "夜間の受診者数", *args,
                       "--project", "ichinoseki=夜間診療所運営事業",
                       "--project", "common=救急医療: 連携事業",  # YAML needs quotes here
                       "--project", "ichinoseki=休日当番医事業", "--root", str(plan_copy))
    assert (code, err) == (0, "")
    path = plan_copy / "measures" / "night-clinic.md"
    data = front_matter(path)
    assert data["budget"] == budget
    assert data["projects"] == {"common": ["救急医療: 連携事業"],
                                "ichinoseki": ["夜間診療所運営事業", "休日当番医事業"],
                                "hiraizumi": []}
    problems = [p for p in load_plan(plan_copy).problems if p.file == "measures/night-clinic.md"]
    assert "keikaku.schema" not in {p.code for p in problems}
    # The one year given as 0 waits for an amount or a note, at its own line.
    zero = [(p.code, p.line) for p in problems if p.code == "keikaku.budget-zero"]
    assert zero == [("keikaku.budget-zero",
                     path.read_text(encoding="utf-8").split("\n").index("  2026: 0") + 1)]


def test_without_kpi_the_measure_has_none(capsys, plan_copy: Path) -> None:
    code, _, _ = run(capsys, "new", "night-clinic", "--name", "夜間診療所事業",
                     "--direction", "community-health-care", "--root", str(plan_copy))
    assert code == 0
    assert front_matter(plan_copy / "measures" / "night-clinic.md")["kpis"] == []


@pytest.mark.parametrize("flags, words", [
    (["--budget", "2023=100"], "2024〜2028年度"),
    (["--budget", "2024=百"], "年度=事業費"),
    (["--budget", "2024=-5"], "0 以上"),
    (["--budget", "2024=1", "--budget", "2024=2"], "年度ごとに１回"),
    (["--project", "oshu=事業"], "common, ichinoseki, hiraizumi"),
    (["--project", "ichinoseki"], "市町村のID=事業名"),
    (["--project", "ichinoseki="], "市町村のID=事業名"),
])
def test_bad_flags_are_refused_in_japanese(capsys, plan_copy: Path, flags: list[str],
                                           words: str) -> None:
    code, out, err = run(capsys, "new", "night-clinic", "--name", "夜間診療所事業",
                         "--direction", "community-health-care", *flags,
                         "--root", str(plan_copy))
    assert code == 2 and out == "" and words in err and "使い方" in err, err
    assert not (plan_copy / "measures" / "night-clinic.md").exists()


def test_direction_is_needed_when_the_plan_has_several(capsys, plan_copy: Path) -> None:
    code, _, err = run(capsys, "new", "night-clinic", "--name", "夜間診療所事業",
                       "--root", str(plan_copy))
    assert code == 2 and "--direction" in err and "community-health-care" in err
    assert not (plan_copy / "measures" / "night-clinic.md").exists()
