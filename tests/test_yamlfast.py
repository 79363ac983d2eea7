"""The fast YAML path reads every document exactly as PyYAML's safe loader does."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from keikaku import yamlfast

from .conftest import REPO

TRAPS = [
    "a: no", "a: No", "a: OFF", "a: yes", "a: on", "a: [1, no]", "a: {b: 1_000}",
    "a: 1_000", "a: 017", "a: 0o17", "a: 0x1F", "a: 0b101", "a: 1e3", "a: 1.5e3",
    "a: 1:30", "a: 2019-03-26", "a: 2001-12-14t21:59:43.10-05:00", "a: .inf", "a: -.inf",
    "a: .nan", "a: ~", "a: null", "a: NULL", "a:", "a: 'no'", 'a: "1_000"', "a: !!str 12",
    "a: &x 1\nb: *x", "a: |\n  x\n  y\n", "a: >\n  x\n  y\n",
    "%YAML 1.1\n---\na: 1",
    "a: +5", "a: -0", "a: -.0", "a: +.5", "a: 12.50", "2024: 48221", "a: y", "a: n", "a:\t1",
    "? a\n: 1",
    "a: b: c", "a: [1, 2", "- a\nb: 1", "a: 1\na: 2", "a: '", "unit: \"%\"", "a: 84",
]


def outcome(loader, text: str):
    try:
        value = loader(text)
    except yaml.YAMLError as exc:
        return ("error", type(exc).__name__)
    return ("ok", normal(value))


def normal(value):
    """NaN != NaN; compare it by name."""
    if isinstance(value, float) and value != value:
        return "nan"
    if isinstance(value, dict):
        return {k: normal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normal(v) for v in value]
    return value


def pyyaml(text: str):
    return yaml.load(text, Loader=yamlfast.Loader)


@pytest.mark.parametrize("text", TRAPS)
def test_traps_read_as_pyyaml(text: str) -> None:
    assert outcome(yamlfast.load, text) == outcome(pyyaml, text)


def test_trap_values_are_pyyaml_s() -> None:
    assert yamlfast.load("a: no\nb: 1_000") == {"a": False, "b": 1000}
    assert yamlfast.load("d: 2019-03-26") == {"d": dt.date(2019, 3, 26)}


def test_the_repository_s_files_read_the_same() -> None:
    for path in [*REPO.glob("measures/*.md"), *REPO.glob("docs/data/*.yaml")]:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            text = text.split("\n---\n", 1)[0].removeprefix("---\n")
        assert yamlfast.load(text) == pyyaml(text), path.name


def test_measure_files_take_the_fast_path() -> None:
    if yamlfast._ryaml is None:
        pytest.skip("ryaml is not installed: PyYAML reads everything")
    texts = [p.read_text(encoding="utf-8").split("\n---\n", 1)[0].removeprefix("---\n")
             for p in REPO.glob("measures/*.md")]
    assert all(yamlfast.fast_eligible(t) for t in texts)


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12),
    st.sampled_from(["no", "on", "1_000", "017", "1e3", "1:30", "2019-03-26", "~", "%", "*x"]),
)
documents = st.dictionaries(
    st.one_of(st.text(max_size=6), st.integers(0, 3000)),
    st.recursive(scalars, lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
        max_leaves=8),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(doc=documents, flow=st.booleans())
def test_random_documents_read_as_pyyaml(doc, flow: bool) -> None:
    text = yaml.safe_dump(doc, allow_unicode=True, default_flow_style=flow)
    assert outcome(yamlfast.load, text) == outcome(pyyaml, text)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=":-[]{},#'\"!&*|> \nabno01_e.9", max_size=30))
def test_random_texts_read_as_pyyaml(text: str) -> None:
    assert outcome(yamlfast.load, text) == outcome(pyyaml, text)
