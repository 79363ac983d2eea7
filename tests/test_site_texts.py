"""The site's catalogue (keikaku.sphinxext.texts): every text a reader sees on the site
is kept there in Japanese and English, apart from the code, so an English site stays
possible."""

from __future__ import annotations

import ast
import json
import re
import string
from pathlib import Path
from types import SimpleNamespace

import pytest

from keikaku.sphinxext import texts
from keikaku.sphinxext.texts import SITE_TEXTS, site_lang, site_text

SPHINXEXT = Path(texts.__file__).parent
SCHEMAS = SPHINXEXT.parent / "schemas"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")

# Japanese string literals deliberately left in a module, by module: each matches the
# plan's data, so it is not a text of the site and has no English.
ALLOWED: dict[str, set[str]] = {
    # The suffix of a population table whose years are fiscal ones (population.yaml's
    # era_suffix is 年 or 年度): compared with the data, never shown by itself.
    "population.py": {"年度"},
}


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_key_has_japanese_and_english() -> None:
    bad = [key for key, entry in SITE_TEXTS.items()
           if set(entry) != {"ja", "en"} or not all(entry.values())]
    assert not bad, f"keys without both a ja and an en text: {bad}"


def test_japanese_and_english_take_the_same_placeholders() -> None:
    bad = {key: (sorted(_placeholders(e["ja"])), sorted(_placeholders(e["en"])))
           for key, e in SITE_TEXTS.items() if _placeholders(e["ja"]) != _placeholders(e["en"])}
    assert not bad, f"ja and en differ in their {{placeholders}}: {bad}"


def test_english_texts_are_english() -> None:
    bad = [key for key, e in SITE_TEXTS.items() if JAPANESE.search(e["en"])]
    assert not bad, f"en texts with Japanese in them: {bad}"


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the docstring constants of a module, its classes and functions."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if (body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
                    and isinstance(body[0].value.value, str)):
                out.add(id(body[0].value))
    return out


def japanese_literals(source: str) -> list[tuple[int, str]]:
    """Every str constant (f-strings' parts included) with Japanese in it, docstrings
    aside, as (line, text)."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in skip and JAPANESE.search(node.value)]


MODULES = sorted(p.name for p in SPHINXEXT.glob("*.py") if p.name != "texts.py")


@pytest.mark.parametrize("name", MODULES)
def test_no_japanese_literal_is_left_in_the_extension(name: str) -> None:
    found = [(line, text) for line, text in
             japanese_literals((SPHINXEXT / name).read_text(encoding="utf-8"))
             if text not in ALLOWED.get(name, set())]
    assert not found, f"{name}: Japanese literals outside the site catalogue: {found}"


def test_the_literal_check_finds_a_literal_but_not_a_docstring() -> None:
    """The check itself: a heading in code is found, a docstring or comment is not."""
    source = ('"""施策カード."""\n'
              'def f(y):\n    """年度."""\n    # 合計\n    return [f"{y}年度", "合計"]\n')
    assert sorted(text for _, text in japanese_literals(source)) == sorted(["年度", "合計"])


def test_the_allow_list_is_still_needed() -> None:
    """An entry of ALLOWED that no longer occurs in its module is stale."""
    for name, allowed in ALLOWED.items():
        found = {text for _, text in
                 japanese_literals((SPHINXEXT / name).read_text(encoding="utf-8"))}
        assert allowed <= found, f"{name}: {allowed - found} no longer in the module"


def _find_enum(node: object, key: str) -> list[str] | None:
    if isinstance(node, dict):
        if key in node and isinstance(node[key], dict) and "enum" in node[key]:
            return node[key]["enum"]
        for v in node.values():
            found = _find_enum(v, key)
            if found:
                return found
    elif isinstance(node, list):
        for v in node:
            found = _find_enum(v, key)
            if found:
                return found
    return None


@pytest.mark.parametrize(("schema", "key", "prefix"), [
    ("errata.schema.json", "kind", "errata-kind-"),
    ("comparison.schema.json", "change", "change-"),
])
def test_every_value_the_data_may_take_has_its_text(schema: str, key: str, prefix: str) -> None:
    values = _find_enum(json.loads((SCHEMAS / schema).read_text(encoding="utf-8")), key)
    assert values, f"no enum {key} in {schema}"
    assert [v for v in values if f"{prefix}{v}" not in SITE_TEXTS] == []


def test_every_kind_of_comment_has_its_texts() -> None:
    from keikaku.sphinxext.revision import KINDS

    for kind in KINDS:
        for prefix in ("comment-kind-", "comment-caption-"):
            assert f"{prefix}{kind}" in SITE_TEXTS


@pytest.mark.parametrize(("language", "lang"), [
    ("ja", "ja"), ("en", "en"), (None, "ja"), ("fr", "ja"), ("en_GB", "ja")])
def test_the_language_comes_from_sphinx_config(language: str | None, lang: str) -> None:
    assert site_lang(SimpleNamespace(config=SimpleNamespace(language=language))) == lang


def test_an_unknown_language_falls_back_to_japanese() -> None:
    assert site_text("total", "fr") == site_text("total", "ja") == "合計"
    assert site_text("fiscal-year", "en", year=2026) == "FY2026"


def test_an_english_chart_and_card_speak_english(plan) -> None:
    """Rendered with lang "en", the real plan's charts and a card's blocks show no
    Japanese but the plan's own data (names, units, labels of grades)."""
    from keikaku.progress import grading_of
    from keikaku.sphinxext.card import budget_block, kpi_block
    from keikaku.sphinxext.charts import budget_chart, kpi_chart, population_chart

    m = plan.measure("local-employment")
    k = m.kpis[0]
    pop = plan.population
    data = [k.name, k.unit, *(f.name for f in plan.fields()),
            *(g["label"] for g in grading_of(plan)["grades"]),
            *((pop.projection.title, pop.prospect.title) if pop else ())]

    def english(text: str) -> bool:
        for d in data:
            text = text.replace(d, "")
        return not JAPANESE.search(text)

    for chart in (budget_chart(plan, "en"), kpi_chart(plan, m.id, 0, k, "en"),
                  population_chart(plan, "en")):
        assert chart is not None
        labels = [line["label"] for line in chart.spec.get("lines", [])]
        shown = [chart.description, *chart.header, chart.spec["xlabel"], *labels,
                 *(row[0] for row in chart.rows)]
        assert [t for t in [chart.title, *shown] if not english(t)] == []
    assert budget_chart(plan, "en").title == "Budget by fiscal year and policy field"
    assert kpi_chart(plan, m.id, 0, k, "en").header[:2] == ["Fiscal year", "Value on the line"]
    budget = budget_block(plan, m, "en").astext()
    assert "Total" in budget and not JAPANESE.search(budget)
    kpis = kpi_block(plan, m, "en")[0].astext()
    assert f"Baseline (FY{plan.base_year})" in kpis and "現状値" not in kpis
