"""Bad input never crashes: random front matter always yields problems, never exceptions."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from keikaku.check import load_plan

from .conftest import copy_plan

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True), st.text(max_size=20),
    st.sampled_from(["４回", "48,221", "no", "1_000", "2024-04-01", "", "%"]),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)
keys = st.sampled_from(["id", "number", "name", "direction", "kpis", "budget", "projects",
                        "sdgs", "notes", "other"])


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(front=st.dictionaries(keys, values, max_size=9),
       junk=st.sampled_from(["", ":\n  - ]", "\x00", "---", "\ufeff"]))
def test_random_front_matter_never_raises(tmp_path_factory, front, junk) -> None:
    root = tmp_path_factory.mktemp("fuzz")
    copy_plan(root)
    text = yaml.safe_dump(front, allow_unicode=True) + junk
    (root / "measures" / "fuzz.md").write_text(f"---\n{text}\n---\n\n## 取組内容\n", "utf-8")
    result = load_plan(root)
    assert result.problems  # the file is reported, and nothing raised
    for p in result.problems:
        assert p.format("ja") and p.format("en")
    shutil.rmtree(root)


def test_huge_numbers_and_binary_do_not_crash(tmp_path: Path) -> None:
    root = copy_plan(tmp_path / "plan")
    card = root / "measures" / "holiday-night-care.md"
    card.write_text(card.read_text(encoding="utf-8").replace("2024: 48221", "2024: " + "9" * 400),
                    encoding="utf-8")
    (root / "docs" / "data" / "population.yaml").write_bytes(b"\xff\xfe\x00garbage")
    result = load_plan(root)
    codes = {(p.code, p.file) for p in result.problems}
    assert ("keikaku.read", "docs/data/population.yaml") in codes
    assert ("keikaku.schema", "measures/holiday-night-care.md") in codes  # beyond the maximum
