"""The repository itself: every file loads, every schema is valid, no rule fails."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from keikaku.check import load_plan
from keikaku.problems import CODES

from .conftest import REPO

SOURCE = REPO.parent / "shared" / "source" / "council-2024-03-21.txt"


@pytest.fixture(scope="module")
def result():
    return load_plan(REPO)


def test_no_errors_in_the_repository(result) -> None:
    assert [p.format() for p in result.errors] == []


def test_warnings_are_the_recorded_ones(result) -> None:
    """Each warning concerns a target whose deviation is explained or recorded in the
    errata, or wording of the draft transcribed as printed and recorded in the errata."""
    assert result.warnings  # the recorded deviations are shown, not hidden
    for p in result.warnings:
        assert p.acknowledged, p.format()
        assert p.code in ("keikaku.kpi-target", "keikaku.population-target",
                          "keikaku.comment-item") or CODES[p.code] == "wording", p.format()


@pytest.mark.parametrize("path", sorted((REPO / "schemas").glob("*.json")), ids=lambda p: p.name)
def test_schema_is_valid_2020_12(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_every_measure_file_is_in_the_plan(result) -> None:
    files = {p.name for p in (REPO / "measures").glob("*.md")}
    assert {m.doc.path.name for m in result.plan.measures} == files


@pytest.mark.skipif(not SOURCE.exists(), reason="shared/source is not beside the repository")
def test_budgets_equal_the_source_rows(result) -> None:
    """Every 事業費(千円) row of the source is one measure's budget, and vice versa."""
    text = SOURCE.read_text(encoding="utf-8")
    rows = sorted(
        tuple(int(v.replace(",", "")) for v in m.group(1).split())
        for m in re.finditer(r"^事業費\(千円\) ([\d, ]+?)\s*$", text, re.MULTILINE)
    )
    ours = sorted(tuple(m.budget[y] for y in result.plan.fiscal_years)
                  for m in result.plan.measures)
    assert ours == rows


@pytest.mark.skipif(not SOURCE.exists(), reason="shared/source is not beside the repository")
def test_kpi_names_and_project_names_stand_in_the_source(result) -> None:
    """Names typed from the source are found in it (PDF line breaks aside)."""
    flat = re.sub(r"\s+", "", SOURCE.read_text(encoding="utf-8"))
    for m in result.plan.measures:
        for k in m.kpis:
            assert re.sub(r"\s+", "", k.name) in flat, (m.id, k.name)
        for names in m.projects.values():
            for name in names:
                assert re.sub(r"\s+", "", name) in flat, (m.id, name)
        for prose in (m.content, m.effect, m.roles):
            assert re.sub(r"\s+", "", prose) in flat, (m.id, prose[:30])
