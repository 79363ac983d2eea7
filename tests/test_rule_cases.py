"""Every rule can fail: each case in tests/cases/*.yaml breaks a copy of the real plan
in one place and must be reported with the exact code, file and line."""

from __future__ import annotations

import functools
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from keikaku.check import load_plan
from keikaku.problems import CODES, Severity

from .conftest import REPO, copy_plan
from .fixture_plans import copy_fixture_plan

CASES_DIR = Path(__file__).parent / "cases"


@functools.cache
def baseline(plan: str | None = None):
    """The problems of the real repository (or of a fixture plan), computed once."""
    return load_plan(REPO if plan is None else copy_fixture_plan(plan, Path(
        tempfile.mkdtemp(prefix="keikaku-baseline-")) / plan))


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            params.append(pytest.param(case, id=f"{path.stem}: {case['name']}"))
    return params


def _one_index(text: str, needle: str, case: dict[str, Any]) -> int:
    count = text.count(needle)
    if count != 1:
        raise AssertionError(f"{case['name']}: {needle!r} occurs {count} times in {case['file']}")
    return text.index(needle)


def apply(root: Path, case: dict[str, Any]) -> None:
    """Make the change a case describes."""
    path = root / case["file"]
    text = path.read_text(encoding="utf-8")
    if "replace" in case:
        old, new = case["replace"]
        _one_index(text, old, case)
        text = text.replace(old, new)
    elif "swap" in case:
        a, b = case["swap"]
        _one_index(text, a, case), _one_index(text, b, case)
        text = text.replace(a, "\0").replace(b, a).replace("\0", b)
    elif "delete_line_containing" in case:
        lines = text.split("\n")
        hits = [i for i, line in enumerate(lines) if case["delete_line_containing"] in line]
        assert len(hits) == 1, case
        del lines[hits[0]]
        text = "\n".join(lines)
    elif "delete_from" in case:
        lines = text.split("\n")
        start = next(i for i, line in enumerate(lines) if line.startswith(case["delete_from"]))
        end = next(i for i in range(start, len(lines)) if lines[i] == "---")
        text = "\n".join(lines[:start] + lines[end:])
    elif "write_text" in case:
        text = case["write_text"]
    if "prepend" in case:  # e.g. front matter for a page that has none
        text = case["prepend"] + text
    if "write_bytes" in case:
        path.write_bytes(case["write_bytes"].encode("latin-1"))
    elif case.get("write_shift_jis"):
        path.write_bytes(text.encode("cp932"))
    elif case.get("bom_crlf"):
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    else:
        path.write_text(text, encoding="utf-8")


def expected_line(root: Path, case: dict[str, Any], expect: dict[str, Any]) -> int | None:
    if "line" in expect:
        return expect["line"]
    if "line_of" not in expect:
        return None
    text = (root / expect.get("file", case["file"])).read_text(encoding="utf-8")
    needle = expect["line_of"]
    leading = len(needle) - len(needle.lstrip("\n"))  # "\nrows:" is the line of "rows:"
    return text[: _one_index(text, needle, case)].count("\n") + 1 + leading


@pytest.mark.parametrize("case", _cases())
def test_rule_case(tmp_path: Path, case: dict[str, Any]) -> None:
    # A case changes a copy of this repository's plan, or of the fixture plan it names
    # (``plan: three-towns``, tests/fixture_plans.py).
    plan_copy = (copy_fixture_plan(case["plan"], tmp_path / "plan") if "plan" in case
                 else copy_plan(tmp_path / "plan"))
    apply(plan_copy, case)
    result = load_plan(plan_copy)
    if "good" in case:  # the change adds no problem of these codes to what the repository has
        before = Counter((p.code, p.file) for p in baseline(case.get("plan")).problems
                         if p.code in case["good"])
        after = Counter((p.code, p.file) for p in result.problems if p.code in case["good"])
        assert after - before == Counter(), [p.format() for p in result.problems
                                             if p.code in case["good"]]
        return
    expect = case["expect"]
    assert expect["code"] in CODES
    file = expect.get("file", case["file"])
    line = expected_line(plan_copy, case, expect)
    severity = Severity(expect.get("severity", "error"))
    matches = [
        p for p in result.problems
        if p.code == expect["code"] and p.file == file and (line is None or p.line == line)
        and p.severity is severity
    ]
    assert matches, (
        f"expected {expect['code']} at {file}:{line}; got:\n"
        + "\n".join(p.format() for p in result.problems)
    )
    assert any(expect["message"] in p.message("ja") for p in matches), [
        p.message("ja") for p in matches
    ]
    assert all(p.message("en") for p in matches)


def test_every_code_has_a_failing_case() -> None:
    """No rule without a case that makes it fire."""
    covered = {c.values[0]["expect"]["code"] for c in _cases() if "expect" in c.values[0]}
    assert set(CODES) - covered == set()


def test_every_code_is_described_in_both_languages() -> None:
    from keikaku.catalogue import text

    for code in CODES:  # with the limits the code applies filled in
        assert text(code, "ja") and text(code, "en")


def test_every_key_pattern_of_the_schemas_is_said_in_words() -> None:
    """A key of the wrong form is reported with what a key there looks like: each
    propertyNames pattern of the package's schemas has its words (KEY_FORMS)."""
    import json

    from keikaku.messages import MESSAGES
    from keikaku.rules.schema import KEY_FORMS
    from keikaku.schemas import PACKAGE_SCHEMAS

    def patterns(node: object, defs: dict) -> list[str]:
        if isinstance(node, dict):
            names = node.get("propertyNames", {})
            names = defs.get(names.get("$ref", "").rpartition("/")[2], names)
            own = [names["pattern"]] if "pattern" in names else []
            return own + [p for v in node.values() for p in patterns(v, defs)]
        return [p for v in node for p in patterns(v, defs)] if isinstance(node, list) else []

    schemas = [json.loads(path.read_text(encoding="utf-8"))
               for path in PACKAGE_SCHEMAS.glob("*.schema.json")]
    found = {p for schema in schemas for p in patterns(schema, schema.get("$defs", {}))}
    assert found, "the schemas name key patterns"
    assert found <= set(KEY_FORMS), found - set(KEY_FORMS)
    assert all(form in MESSAGES for form in KEY_FORMS.values())
