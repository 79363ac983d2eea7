"""keikaku's standing tests of a plan: check, export against its schema, site build.

Each test fails with what keikaku reports (file, line and message), so a failure in a
plan's CI reads like ``keikaku check``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from keikaku.check import Result, load_plan
from keikaku.cli import find_root

__all__ = ["keikaku_plan", "plan_root", "test_check_finds_no_error",
           "test_export_matches_its_schema", "test_site_builds_without_warnings"]

ROOT_VARIABLE = "KEIKAKU_PLAN_ROOT"


@pytest.fixture(scope="session")
def plan_root() -> Path:
    """The plan under test: KEIKAKU_PLAN_ROOT, or the current folder or a parent of it."""
    given = os.environ.get(ROOT_VARIABLE)
    root = find_root(Path(given or "."))
    if root is None:
        pytest.fail(f"no plan (docs/data/plan.yaml) in {given or os.getcwd()} or its parents; "
                    f"run pytest in the plan's repository or set {ROOT_VARIABLE}",
                    pytrace=False)
    return root


@pytest.fixture(scope="session")
def keikaku_plan(plan_root: Path) -> Result:
    return load_plan(plan_root)


def _report(result: Result, problems: list) -> str:
    from keikaku.report import text_report

    return text_report(problems, result.files, "ja", result.unchecked)


def test_check_finds_no_error(keikaku_plan: Result) -> None:
    """As ``keikaku check``: errors fail; warnings (未記入 while drafting) do not."""
    if keikaku_plan.errors or keikaku_plan.plan is None:
        pytest.fail(_report(keikaku_plan, keikaku_plan.errors), pytrace=False)


def test_export_matches_its_schema(keikaku_plan: Result) -> None:
    """The open data (JSON and CSV) of ``keikaku export``; the JSON valid against the
    export schema the plan uses."""
    from keikaku.export import to_csv, to_json_data
    from keikaku.schemas import validator

    if keikaku_plan.plan is None:
        pytest.skip("the plan could not be loaded (test_check_finds_no_error says why)")
    data = to_json_data(keikaku_plan.plan)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in validator(keikaku_plan.root, "export").iter_errors(data)]
    assert not errors, "\n".join(errors)
    names = [m.name for m in keikaku_plan.plan.municipalities]
    assert data["plan"]["municipalities"] == names
    assert to_csv(keikaku_plan.plan).count("\n") >= 1


def test_site_builds_without_warnings(plan_root: Path, tmp_path: Path) -> None:
    """``sphinx-build -nW``: every warning (a data problem at its file and line, a broken
    reference) fails the build."""
    out = tmp_path / "html"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-nW", "--keep-going", "-q", "--no-color",
         "-b", "html", str(plan_root), str(out)],
        capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.fail(result.stderr or result.stdout, pytrace=False)
    assert (out / "index.html").is_file()
