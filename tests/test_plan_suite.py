"""The reusable suite keikaku.plan_tests, as a plan's repository runs it: on this
repository, on a plan made by keikaku init, and failing on a broken plan with the file
and line keikaku reports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO
from .test_init import init_args


def standing_tests(root: Path, *args: str, cwd: Path | None = None,
                   env_root: bool = True) -> subprocess.CompletedProcess:
    """``pytest --pyargs keikaku.plan_tests`` run as a plan's CI runs it."""
    env = {**os.environ}
    env.pop("KEIKAKU_PLAN_ROOT", None)
    if env_root:
        env["KEIKAKU_PLAN_ROOT"] = str(root)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--no-header",
         "--pyargs", "keikaku.plan_tests", *args],
        capture_output=True, text=True, check=False, cwd=cwd or root, env=env, timeout=600)


def test_this_repository_passes_the_check_and_export_of_the_suite() -> None:
    """(The site build of the suite runs in nox -s tests; tests/test_site.py builds it here.)"""
    result = standing_tests(REPO, "-k", "check or export", env_root=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed, 1 deselected" in result.stdout


def test_a_broken_plan_fails_the_suite_at_the_file_and_line(plan_copy: Path) -> None:
    card = plan_copy / "measures" / "school-lunch.md"
    text = card.read_text(encoding="utf-8")
    card.write_text(text.replace("2025: 1010917", "2025: -1"), encoding="utf-8")
    line = text.split("\n").index("  2025: 1010917") + 1
    result = standing_tests(plan_copy, "-k", "check")
    assert result.returncode == 1
    assert f"measures/school-lunch.md:{line}: エラー:" in result.stdout, result.stdout
    assert "Traceback" not in result.stdout


def test_no_plan_is_a_clear_failure(tmp_path: Path) -> None:
    result = standing_tests(tmp_path, "-k", "check", env_root=False)
    assert result.returncode == 1 and "KEIKAKU_PLAN_ROOT" in result.stdout


@pytest.mark.build
def test_a_plan_made_by_init_passes_the_whole_suite(tmp_path: Path) -> None:
    """From the new repository's own folder, as its nox -s tests runs it."""
    from keikaku.cli import main

    root = tmp_path / "plan"
    assert main(init_args(root)) == 0
    result = standing_tests(root, env_root=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout
