"""The draft as published is fully reported, and the errata name the rule for each case."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from keikaku.check import load_plan
from keikaku.problems import Severity, strict

from .conftest import REPO, copy_plan
from .test_rule_cases import apply, expected_line

FIXTURE = Path(__file__).parent / "fixtures" / "draft-as-published.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
# Issue 9: at least this many of the draft's inconsistencies are caught by a rule.
MINIMUM_CAUGHT = 25


def errata_with_rule() -> dict[str, str]:
    errata = yaml.safe_load((REPO / "docs" / "data" / "errata.yaml").read_text("utf-8"))
    return {e["id"]: e["rule"] for e in errata["errata"] if e.get("rule")}


def apply_printed(root: Path, case: dict[str, Any]) -> None:
    """Add names as printed on the card to the measure's `printed` block."""
    path = root / case["file"]
    text = path.read_text(encoding="utf-8")
    lines = "".join(f"  {k}: {v}\n" for k, v in case["printed"].items())
    if "\nprinted:\n" in text:
        text = text.replace("\nprinted:\n", "\nprinted:\n" + lines, 1)
    else:
        text = text.replace("\nsdgs: []\n", "\nsdgs: []\nprinted:\n" + lines, 1)
    path.write_text(text, encoding="utf-8")


def unrecord(root: Path, errata_id: str) -> None:
    """Remove an erratum from the copy: what it recorded is no longer acknowledged."""
    path = root / "docs" / "data" / "errata.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index(f"  - id: {errata_id}")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("  - id: ")),
               len(lines))
    path.write_text("\n".join(lines[:start] + lines[end:]), encoding="utf-8")


@pytest.fixture(scope="module")
def draft(tmp_path_factory: pytest.TempPathFactory):
    root = copy_plan(tmp_path_factory.mktemp("draft") / "plan")
    for case in CASES:
        if "printed" in case:
            apply_printed(root, case)
        elif "unrecord" in case:
            unrecord(root, case["unrecord"])
        else:
            apply(root, case)
    return root, load_plan(root)


@pytest.mark.parametrize("case", CASES, ids=[f"{c['errata']} {c['name']}" for c in CASES])
def test_each_inconsistency_of_the_draft_is_reported(draft, case: dict[str, Any]) -> None:
    """Reported so that publishing fails: an error, or a warning nobody acknowledged."""
    root, result = draft
    line = expected_line(root, case, case["expect"])
    # As under --strict (the publishing build): a wording warning nobody recorded fails.
    found = [p for p in strict(result.problems) if p.severity is Severity.ERROR
             and p.code == case["expect"]["code"] and p.file == case["file"] and p.line == line]
    assert found, "\n".join(p.format() for p in result.problems)


def test_errata_and_fixture_name_the_same_rules() -> None:
    """Every erratum with a rule is in the fixture with that rule, and vice versa."""
    in_fixture = {c["errata"]: c["expect"]["code"] for c in CASES}
    assert errata_with_rule() == in_fixture


def test_enough_of_the_draft_is_caught_by_rules() -> None:
    """Counted from the data: the errata entries that name a rule (each of which the test
    above requires in the fixture, reported by that rule)."""
    assert len(errata_with_rule()) >= MINIMUM_CAUGHT


def test_the_repository_acknowledges_every_case_it_keeps_as_printed() -> None:
    """On the real plan nothing of the draft fails --strict: what the repository keeps as
    printed is linked to its erratum or has its reason recorded."""
    assert [p.format() for p in strict(load_plan(REPO).problems)
            if p.severity is Severity.ERROR] == []
