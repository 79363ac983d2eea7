"""A plan of many measures: `keikaku synth` writes one that builds and checks, the
build is the same in parallel, one edit is rebuilt everywhere it shows, and the
navigation (drawn once per place, see sphinxext/navigation.py) leaves every page's
main text as it is. Small plans only: the timings are benchmarks/run.py's."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from keikaku.check import load_plan
from keikaku.numbers import fmt_number
from keikaku.problems import Severity
from keikaku.sphinxext.fonts import text_of_html

from .conftest import REPO, copy_plan, sphinx_build

pytestmark = pytest.mark.build

MEASURES = 40
MAIN = re.compile(r'<div class="body" role="main">(.*?)(?:<div class="sphinxsidebar"|'
                  r'<div class="clearer")', re.DOTALL)
HREF = re.compile(r'href="([^"]*)"')


def synth(dest: Path, n: int = MEASURES) -> Path:
    run = subprocess.run([sys.executable, "-m", "keikaku", "synth", str(n), str(dest),
                          "--root", str(REPO)], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    return dest


def build(src: Path, out: Path, *options: str) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "sphinx", "-nW", "--keep-going", "-q", "--no-color",
         *options, "-b", "html", str(src), str(out)],
        capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr


def pages(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(out.rglob("*.html")) if not p.relative_to(out).parts[0].startswith("_")}


def main_area(html: str) -> tuple[str, list[str]]:
    """The text and the links of a page's main content area (navigation excluded)."""
    m = MAIN.search(html)
    assert m, "no main content area"
    return " ".join(text_of_html(m.group(1)).split()), HREF.findall(m.group(1))


@pytest.fixture(scope="module")
def synth_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A synthetic plan built with -j 1 and with -j 2 (the pages read at once, before
    any test edits the plan)."""
    import io
    from warnings import catch_warnings, simplefilter

    from sphinx.application import Sphinx

    tmp = tmp_path_factory.mktemp("synth")
    plan = synth(tmp / "plan")
    warnings = io.StringIO()
    with catch_warnings():  # myst-parser uses APIs Sphinx deprecates (not this test's)
        simplefilter("ignore", DeprecationWarning)
        simplefilter("ignore", PendingDeprecationWarning)
        app = Sphinx(str(plan), str(plan), str(tmp / "serial"),
                     str(tmp / "serial" / ".doctrees"), "html", status=None,
                     warning=warnings, freshenv=True, parallel=1)
        app.build()
    assert app.statuscode == 0 and not warnings.getvalue(), warnings.getvalue()
    build(plan, tmp / "parallel", "-j", "2")
    return {"plan": plan, "serial": tmp / "serial", "serial_pages": pages(tmp / "serial"),
            "parallel_pages": pages(tmp / "parallel"), "app": app}


def test_synth_plan_checks_as_its_source(synth_site) -> None:
    """The copies draw no finding: the check reports what it reports on the source."""
    plan = synth_site["plan"]
    result = load_plan(plan)
    assert len(result.plan.measures) == MEASURES
    assert not [p for p in result.problems if p.severity is Severity.ERROR]
    originals = {p.name for p in (REPO / "measures").glob("*.md")}
    assert [p for p in result.problems
            if p.file.startswith("measures/") and Path(p.file).name not in originals] == []


def test_synth_refuses_fewer_measures_than_its_source(tmp_path: Path) -> None:
    n = len(list((REPO / "measures").glob("*.md"))) - 1
    run = subprocess.run([sys.executable, "-m", "keikaku", "synth", str(n), str(tmp_path / "p"),
                          "--root", str(REPO)], capture_output=True, text=True, check=False)
    assert run.returncode == 2
    assert f"（{n + 1}）以上" in run.stderr and "Traceback" not in run.stderr


def test_parallel_build_writes_the_same_pages(synth_site) -> None:
    serial, parallel = synth_site["serial_pages"], synth_site["parallel_pages"]
    assert sorted(serial) == sorted(parallel)
    measure = sorted(p for p in serial if p.startswith("measures/"))
    for page in ["index.html", "docs/budget.html", "docs/vision/04-measures.html",
                 "docs/comparison.html", measure[0], measure[-1]]:
        assert serial[page] == parallel[page], page


def test_measure_pages_keep_prev_next_and_breadcrumb(synth_site) -> None:
    """Every measure page links its neighbours and its chapter, in the sidebar drawn
    once per place."""
    serial = synth_site["serial_pages"]
    for page, html in serial.items():
        if not page.startswith("measures/"):
            continue
        relations = html[html.index('<div class="relations">'):]
        assert 'href="../docs/vision/04-measures.html"' in relations, page
        assert "前の章へ" in relations or "次の章へ" in relations, page
        nav = html[html.index('<div class="sphinxsidebar"'):html.index('<div class="relations">')]
        assert 'class="toctree-l1 current"' in nav, page


def test_one_edit_is_rebuilt_in_the_card_the_summaries_and_the_diagram(synth_site) -> None:
    plan_dir, out = synth_site["plan"], synth_site["serial"]
    before = load_plan(plan_dir).plan
    m = before.measures[-1]
    path = plan_dir / "measures" / f"{m.id}.md"
    text = path.read_text(encoding="utf-8")
    new_name = m.name + "（改）"
    text = text.replace(f"name: {m.name}\n", f"name: {new_name}\n", 1)
    for year, amount in m.budget.items():
        text = re.sub(rf"^  {year}: {amount}$", f"  {year}: {amount + 1}", text, count=1,
                      flags=re.MULTILINE)
    path.write_text(text, encoding="utf-8")
    after = load_plan(plan_dir).plan
    edited = after.measure(m.id)
    assert edited.name == new_name and edited.budget_total == m.budget_total + len(m.budget)
    build(plan_dir, out, "-j", "1")

    def read(page: str) -> str:
        return " ".join(text_of_html((out / page).read_text(encoding="utf-8")).split())

    card = read(f"measures/{m.id}.html")
    assert new_name in card and fmt_number(edited.budget_total) in card
    budget = read("docs/budget.html")
    total = sum(x.budget_total for x in after.measures)
    assert new_name in budget and fmt_number(total) in budget
    assert fmt_number(sum(x.budget_total for x in before.measures)) not in budget
    diagram = (out / "docs" / "vision" / "04-measures.html").read_text(encoding="utf-8")
    assert new_name in text_of_html(diagram)
    assert f'href="../../measures/{m.id}.html"' in diagram


def test_navigation_leaves_the_main_text_of_every_page(html_site: Path,
                                                       tmp_path: Path) -> None:
    """The real plan's pages, built with the sidebar and without any, have the same
    main text and links: the navigation changes nothing but the navigation."""
    plan = copy_plan(tmp_path / "plan")
    with (plan / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('\nhtml_sidebars = {"**": []}\n')
    run = sphinx_build("html", tmp_path / "bare", src=plan)
    assert run.returncode == 0, run.stderr
    with_nav, bare = pages(html_site), pages(tmp_path / "bare")
    assert sorted(with_nav) == sorted(bare)
    for page in with_nav:
        if page in ("search.html", "genindex.html"):
            continue
        assert main_area(with_nav[page]) == main_area(bare[page]), page
    assert 'class="sphinxsidebar"' not in bare["index.html"]
    assert 'class="sphinxsidebar"' in with_nav["index.html"]


def test_a_measure_sidebar_is_drawn_once_per_place(synth_site) -> None:
    """The sidebar of a measure page is resolved once for all measures of a toctree,
    so the build does not copy the whole toctree for every page."""
    app = synth_site["app"]
    cache = app.builder._keikaku_sidebars
    measures = [d for d in app.env.found_docs if d.startswith("measures/")]
    places = {cache.places[d] for d in measures}
    assert len(measures) == MEASURES
    assert len(places) < len(measures) / 2
    others = len(synth_site["serial_pages"]) - len(measures)  # search, genindex included
    assert cache.renders <= others + len(places)
