"""Charts (SVG drawn at build time), the progress page and the front page's summary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from keikaku import progress
from keikaku.numbers import fmt_number
from keikaku.sphinxext import charts

from .actuals_fixture import add_actuals
from .conftest import copy_plan, sphinx_build
from .test_site import page_text


def _svgs(path: Path) -> list[str]:
    return re.findall(r'<svg\b[^>]*class="keikaku-chart-svg".*?</svg>',
                      path.read_text(encoding="utf-8"), re.S)


def test_a_chart_is_the_same_byte_for_byte_and_names_itself(plan) -> None:
    m = plan.measure("local-employment")
    chart = charts.kpi_chart(plan, m.id, 0, m.kpis[0])
    first, second = charts.render_svg(chart, None), charts.render_svg(chart, None)
    assert first == second
    assert first.startswith("<svg ") and 'role="img"' in first
    assert "<metadata" not in first and "dc:date" not in first
    assert f'<title id="{chart.id}-title">' in first and f'<desc id="{chart.id}-desc">' in first
    # every id is the chart's own: two charts on one page never share one
    ids = re.findall(r'\bid="([^"]+)"', first)
    assert ids and all(i.startswith(f"{chart.id}-") for i in ids)
    assert len(ids) == len(set(ids))
    # the text is drawn as paths: the SVG needs no font
    assert "<text" not in first and "font-family" not in first


def test_matplotlib_knows_only_the_bundled_font() -> None:
    from matplotlib import font_manager

    from keikaku.sphinxext.fonts import bundled_fonts

    family = charts._register_fonts()
    found = font_manager.findfont(font_manager.FontProperties(family=family),
                                  fallback_to_default=False)
    assert Path(found) == bundled_fonts()[0].path


def test_a_chart_is_drawn_once_per_content(plan, tmp_path: Path) -> None:
    """The same figures under another id (a synthetic plan's copy of a measure) reuse
    the drawing; each keeps ids of its own."""
    import dataclasses

    chart = charts.budget_chart(plan)
    svg = charts.render_svg(chart, tmp_path)
    assert len(list(tmp_path.iterdir())) == 1
    assert charts.render_svg(chart, tmp_path) == svg == charts.render_svg(chart, None)
    other = dataclasses.replace(chart, id="chart-other")
    copy = charts.render_svg(other, tmp_path)
    assert len(list(tmp_path.iterdir())) == 1
    assert copy == svg.replace(f"{chart.id}-", "chart-other-")


@pytest.mark.build
def test_every_measure_page_has_a_chart_per_kpi(html_site: Path, plan) -> None:
    for m in plan.measures:
        page = html_site / "measures" / f"{m.id}.html"
        svgs = _svgs(page)
        assert len(svgs) == len(m.kpis), m.id
        for k, svg in zip(m.kpis, svgs, strict=True):
            assert k.name in re.search(r"<title[^>]*>(.*?)</title>", svg).group(1)
            desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg).group(1)
            assert fmt_number(k.baseline.value) in desc and fmt_number(k.target.value) in desc
            assert "実績値はまだ記録されていません" in desc


@pytest.mark.build
def test_budget_and_population_charts_with_their_tables(html_site: Path, plan) -> None:
    budget = html_site / "docs" / "budget.html"
    assert len(_svgs(budget)) == 1
    text = page_text(budget)
    for year in plan.fiscal_years:
        assert fmt_number(sum(m.budget[year] for m in plan.measures)) in text
    population = html_site / "docs" / "vision" / "03-present.html"
    assert len(_svgs(population)) == 1
    text = page_text(population)
    for t in plan.population.targets:
        assert f"{fmt_number(t.population)}人" in text


@pytest.mark.build
def test_the_progress_page_says_no_actuals_are_recorded(html_site: Path, plan) -> None:
    text = page_text(html_site / "docs" / "progress.html")
    assert "実績値はまだ記録されていません。" in text
    for m in plan.measures:
        for k in m.kpis:
            assert k.name in text
    grading = progress.grading_of(plan)
    for g in grading["grades"]:
        assert f"{g['grade']}（{g['label']}）" in text
    kpis = sum(len(m.kpis) for m in plan.measures)
    assert f"評価なし（実績値なし） {kpis}" in text


@pytest.mark.build
def test_the_front_page_summarises_the_plan_from_data(html_site: Path, plan) -> None:
    text = page_text(html_site / "index.html")
    assert f"{plan.period_start}年度〜{plan.period_end}年度" in text
    assert fmt_number(plan.budget_totals()["total"]) + plan.budget_unit in text
    assert f"{len(plan.measures)}件" in text
    assert f"{sum(len(m.kpis) for m in plan.measures)}件" in text
    for t in plan.population.targets:
        assert f"{t.year}年 {fmt_number(t.population)}人程度" in text
    assert "実績値はまだ記録されていません。" in text


@pytest.mark.build
def test_the_pdf_has_the_progress_page_and_the_charts(pdf_build: Path, plan) -> None:
    from pypdf import PdfReader

    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(pdf_build).pages))
    assert "成果指標の進捗" in text and "評価ごとの成果指標の数" in text
    # each chart's data table is printed beside it (its caption names the chart)
    for m in plan.measures[:3]:
        assert re.sub(r"\s+", "", f"「{m.kpis[0].name}」の推移のデータ") in text


@pytest.fixture(scope="module")
def actuals_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the fixture plan with actuals on three KPIs."""
    root = add_actuals(copy_plan(tmp_path_factory.mktemp("actuals") / "plan"))
    out = root.parent / "html"
    run = sphinx_build("html", out, src=root)
    assert run.returncode == 0, run.stderr
    return out


@pytest.mark.build
def test_with_actuals_the_site_shows_rates_grades_and_counts(actuals_site: Path) -> None:
    text = page_text(actuals_site / "docs" / "progress.html")
    assert "実績値はまだ記録されていません。" not in text
    # local-employment: (89 - 82) / (96 - 82) x 100 = 50.0 in 2025 -> A;
    # holiday-night-care: 80 / 84 x 100 = 95.2 -> B; child-rearing-environment:
    # 10,300 / 10,162 x 100 = 101.4 -> A
    for rate in ("50.0%", "95.2%", "101.4%"):
        assert rate in text
    assert "2024年度: 未把握 2025年度: 80%" in text
    index = page_text(actuals_site / "index.html")
    assert "A（順調）2件、B（おおむね順調）1件、C（遅れ）0件、D（大幅な遅れ）0件" in index
    svg = _svgs(actuals_site / "measures" / "local-employment.html")[0]
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg).group(1)
    assert "2024年度 85%、2025年度 89%" in desc and "達成率 50.0%" in desc


def test_the_budget_chart_counts_an_undecided_year_as_left_out(plan) -> None:
    """A 未定 (null) year adds nothing to the bars, and the table says the sum leaves it out."""
    import copy

    from keikaku.sphinxext.texts import site_text

    changed = copy.deepcopy(plan)
    year = changed.fiscal_years[0]
    m = next(m for m in changed.measures if m.budget.get(year))
    known, m.budget[year] = m.budget[year], None
    chart = charts.budget_chart(changed)
    note = site_text("excluding-undecided", "ja")
    expected = sum(x.budget[year] for x in plan.measures) - known
    assert chart.rows[-1][1] == fmt_number(expected) + note
    assert chart.rows[-1][2] == fmt_number(sum(x.budget[changed.fiscal_years[1]]
                                               for x in plan.measures))
    assert note in chart.rows[-1][-1]
    field_row = next(r for r in chart.rows if r[0] == m.field.name)
    assert field_row[1].endswith(note)
    assert not any(note in cell for r in charts.budget_chart(plan).rows for cell in r)
