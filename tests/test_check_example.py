"""The check example of docs/checks.md is computed from the build's start-up result with
one file changed (keikaku.check.check_with_measure); it must say exactly what checking
a changed copy of the plan says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from keikaku.check import check_with_measure, load_plan
from keikaku.report import text_report

from .conftest import REPO, copy_plan


def _example() -> tuple[str, str, str]:
    """The file, old and new text of the example on docs/checks.md."""
    page = (REPO / "docs" / "checks.md").read_text(encoding="utf-8")
    block = page.split("```{check-example}", 1)[1].split("```", 1)[0]
    # MyST reads a directive's options as YAML
    options = yaml.safe_load("\n".join(re.findall(r"^:(\w+: .*)$", block, flags=re.MULTILINE)))
    return options["file"], options["old"], options["new"]


FILE, OLD, NEW = _example()
CHANGES = {
    "the page's own example": (OLD, NEW),
    # a measure id that another file already has: a problem found across files
    "a duplicate id": ("id: holiday-night-care", "id: academic-sports"),
    # front matter that cannot be read: the file is counted as unchecked
    "broken YAML": ("method: floor", "method: [floor"),
    # a schema error on the changed file
    "a wrong type": (OLD, "method: 3"),
}


def _report(result, rel: str) -> str:  # type: ignore[no-untyped-def]
    problems = [p for p in result.problems if p.file == rel]
    return text_report(problems, result.files, "ja", result.unchecked)


@pytest.fixture(scope="module")
def started():  # type: ignore[no-untyped-def]
    return load_plan(REPO)


@pytest.mark.parametrize("name", CHANGES)
def test_same_as_checking_a_changed_copy(name: str, started, tmp_path: Path) -> None:
    old, new = CHANGES[name]
    text = (REPO / FILE).read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {FILE}"
    changed = text.replace(old, new)
    copy = copy_plan(tmp_path / "plan")
    (copy / FILE).write_text(changed, encoding="utf-8")
    expected = _report(load_plan(copy), FILE)
    got = _report(check_with_measure(started, FILE, changed), FILE)
    assert got == expected
    # and the change is seen: the report differs from the unchanged plan's
    assert got != _report(started, FILE)


def test_start_up_result_is_left_as_it_was(started) -> None:
    """Checking the changed plan does not mark the start-up result's files unchecked."""
    before = (started.unchecked, [(p.file, p.line, p.code) for p in started.problems])
    text = (REPO / FILE).read_text(encoding="utf-8")
    check_with_measure(started, FILE, text.replace("method: floor", "method: [floor"))
    after_plan = load_plan(REPO)
    assert (after_plan.unchecked, [(p.file, p.line, p.code) for p in after_plan.problems]) \
        == before
    assert started.unchecked == before[0]
