"""The site and the PDF, built from the repository with warnings as errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from keikaku.numbers import fmt_number, fmt_value
from keikaku.sphinxext.fonts import text_of_html

from .conftest import REPO, copy_plan, sphinx_build

pytestmark = pytest.mark.build


def page_text(path: Path) -> str:
    """What a reader sees of a page, with runs of white space as one space."""
    return " ".join(text_of_html(path.read_text(encoding="utf-8")).split())


def test_index_exists(html_site: Path) -> None:
    assert (html_site / "index.html").is_file()


def test_every_measure_page_shows_its_data(html_site: Path, plan) -> None:
    """Each card shows its name, area, field, direction, KPIs, budgets and projects."""
    for m in plan.measures:
        text = page_text(html_site / "measures" / f"{m.id}.html")
        for expected in (m.name, m.area.name, m.field.name, m.direction.name,
                         *(p for names in m.projects.values() for p in names),
                         *(fmt_number(v) for v in m.budget.values()),
                         fmt_number(m.budget_total), "未設定"):
            assert expected in text, (m.id, expected)
        for k in m.kpis:
            assert k.name in text
            assert fmt_value(k.baseline.value, k.unit) in text, (m.id, k.baseline)
            assert fmt_value(k.target.value, k.unit) in text, (m.id, k.target)


def test_derivation_is_shown(html_site: Path, plan) -> None:
    for m in plan.measures:
        for k in m.kpis:
            d = k.baseline.derivation
            if d:
                text = page_text(html_site / "measures" / f"{m.id}.html")
                assert (f"{fmt_number(d.numerator_total)}{d.unit}/"
                        f"{fmt_number(d.denominator_total)}{d.unit}") in text


def test_budget_summary_totals_are_sums_of_the_cards(html_site: Path, plan) -> None:
    text = page_text(html_site / "docs" / "budget.html")
    for year in plan.fiscal_years:
        assert fmt_number(sum(m.budget[year] for m in plan.measures)) in text
    assert fmt_number(sum(m.budget_total for m in plan.measures)) in text


def test_structure_diagram_links_every_measure(html_site: Path, plan) -> None:
    page = (html_site / "docs" / "vision" / "04-measures.html").read_text(encoding="utf-8")
    for m in plan.measures:
        assert f'href="../../measures/{m.id}.html"' in page, m.id


def test_prose_numbers_come_from_the_population_table(html_site: Path, plan) -> None:
    text = page_text(html_site / "docs" / "vision" / "03-present.html").replace(" ", "")
    sphere = plan.population.projection.rows["sphere"]
    assert f"国勢調査では{fmt_number(sphere[2020]['total'])}人" in text
    purpose = page_text(html_site / "docs" / "vision" / "02-purpose.html").replace(" ", "")
    assert f"{plan.period_start}年度（令和６年度）" in purpose  # a year, not 2,024


def test_downloads_are_written_and_valid(html_site: Path, plan) -> None:
    data = json.loads((html_site / "data" / "keikaku-plan.json").read_text(encoding="utf-8"))
    schema = json.loads((REPO / "schemas" / "export.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator(schema).validate(data)
    rows = (html_site / "data" / "keikaku-plan.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 + sum(len(m.kpis) for m in plan.measures)


def test_bad_data_fails_the_build(tmp_path: Path) -> None:
    """A wrong number in a measure makes the site build fail, naming the file and line."""
    root = copy_plan(tmp_path / "plan")
    card = root / "measures" / "holiday-night-care.md"
    card.write_text(card.read_text(encoding="utf-8").replace("method: floor", "method: half_up"),
                    encoding="utf-8")
    run = sphinx_build("html", tmp_path / "out", src=root)
    assert run.returncode != 0
    assert "holiday-night-care.md:" in run.stderr and "keikaku.kpi-derivation" in run.stderr


def test_a_placeholder_stops_the_publishing_build(tmp_path: Path) -> None:
    """conf.py checks as --strict: a placeholder left by keikaku new (「未記入」) fails the
    build, while the real plan's acknowledged warnings do not (html_site builds)."""
    root = copy_plan(tmp_path / "plan")
    card = root / "measures" / "school-lunch.md"
    card.write_text(card.read_text(encoding="utf-8").replace(
        "一体的な施設利用により、新たな施設整備の経費が軽減される。", "（事業効果を記入）"),
        encoding="utf-8")
    run = sphinx_build("html", tmp_path / "out", src=root)
    assert run.returncode != 0
    assert "school-lunch.md:" in run.stderr and "未記入" in run.stderr
    assert "keikaku.placeholder" in run.stderr and "keikaku.kpi-target" not in run.stderr


def test_pdf_contents_have_page_numbers_and_bookmarks(pdf_build: Path, plan) -> None:
    from pypdf import PdfReader

    reader = PdfReader(pdf_build)
    contents = reader.pages[1].extract_text() + reader.pages[2].extract_text()
    # Every chapter line of the contents ends in a page number.
    assert re.search(r"定住自立圏の名称\s*\.+\s*\d+", contents), contents[:300]
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    for m in plan.measures:
        assert any(m.name in t for t in titles), m.name


def test_a_broken_plan_stops_the_build_with_a_message(tmp_path: Path) -> None:
    root = copy_plan(tmp_path / "plan")
    (root / "docs" / "data" / "structure.yaml").write_text("areas: [", encoding="utf-8")
    run = sphinx_build("html", tmp_path / "out", src=root)
    assert run.returncode != 0
    assert "structure.yaml:2: WARNING: YAML" in run.stderr  # the file and line of the cause
    assert "keikaku check" in run.stderr and "Traceback" not in run.stderr


def test_a_measure_page_links_its_errata(html_site: Path, plan) -> None:
    """Where the draft printed something else, the card's page says so and links the entry."""
    for entry in plan.errata:
        if entry.get("measure"):
            page = (html_site / "measures" / f"{entry['measure']}.html").read_text("utf-8")
            assert f'href="../docs/errata.html#{entry["id"].lower()}"' in page, entry["id"]


def test_errata_quotes_link_to_their_lines_of_the_archive(html_site: Path, plan) -> None:
    """Each printed quote links to the line of the archived source it stands on, and
    the archive's page has that line; the text file is there to download, unchanged."""
    errata = (html_site / "docs" / "errata.html").read_text(encoding="utf-8")
    archive = (html_site / "docs" / "source" / "council-2024-03-21.html").read_text("utf-8")
    lines = re.findall(r'href="source/council-2024-03-21\.html#L(\d+)"', errata)
    quotes = [p for e in plan.errata for p in e["printed"] if p.get("verbatim", True)]
    assert len(lines) == len(quotes)
    for line in lines:
        assert f'<li id="L{line}"' in archive, line
    assert 'id="L4081"' in archive and 'id="L4082"' not in archive
    copied = html_site / "docs" / "source" / "council-2024-03-21.txt"
    assert copied.read_bytes() == (REPO / "docs/source/council-2024-03-21.txt").read_bytes()
    # E04: the answer to council opinion 9 (679日/803日≒84％) stands on lines 750-751.
    assert "#L750" in errata.split('id="e04"')[1].split('id="e05"')[0]


def test_the_pdf_leaves_the_archive_out(pdf_build: Path) -> None:
    """The archive is a page of the site only: the PDF shows a quote's line as text."""
    page = (pdf_build.parent / "index.html").read_text(encoding="utf-8")
    assert 'id="L744"' not in page and "council-2024-03-21.html" not in page
    assert "原文 750〜751行" in page


def test_the_comparison_names_both_visions_from_data(html_site: Path, plan) -> None:
    """The comparison table's columns: the previous vision as comparison.yaml names it,
    this one as plan.yaml does (no plan's name is typed in the package)."""
    html = (html_site / "docs" / "comparison.html").read_text(encoding="utf-8")
    table = html[html.index("keikaku-comparison"):]
    head = " ".join(text_of_html(table[table.index("<thead"):table.index("</thead>")]).split())
    assert head.startswith(f"{plan.comparison['previous_vision']} {plan.name} ")
