"""The site as its readers use it: Debian's chromium driven by Playwright.

Skipped, with the reason, when chromium or Playwright is missing; `.ci/run`
installs chromium so that CI runs them. Screenshots (desktop and phone) and a
printed page go to test-artifacts/ (not committed).
"""

from __future__ import annotations

import functools
import html
import http.server
import os
import re
import shutil
import socketserver
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import pytest

from keikaku.check import load_plan
from keikaku.numbers import fmt_number, fmt_value

from .conftest import REPO, bundled_fonts_env

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = REPO / "test-artifacts"
AXE = Path(os.environ.get("KEIKAKU_AXE_JS",
                          REPO / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"))
PAGES = {
    "index": "index.html",
    "structure": "docs/vision/04-measures.html",
    "measure": "measures/holiday-night-care.html",
    "budget": "docs/budget.html",
    "population": "docs/vision/03-present.html",
    "errata": "docs/errata.html",
    "progress": "docs/progress.html",
}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _require_browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium); "
                    "the browser tests run in CI")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    return sync_playwright


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(html_site: Path, pdf_build: Path) -> Iterator[str]:
    """The built site with the PDF among its downloads, served on 127.0.0.1."""
    shutil.copy2(pdf_build, html_site / "data" / pdf_build.name)
    handler = functools.partial(_Quiet, directory=str(html_site))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    """Chromium whose only fonts are the project's own, on any machine."""
    sync_playwright = _require_browser()
    env = bundled_fonts_env(tmp_path_factory.mktemp("browser-fonts"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, env=env)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def plan():
    return load_plan(REPO).plan


def open_page(browser, url: str, width: int = 1280, height: int = 900):
    """A page with its console errors and failed requests recorded."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.on("requestfailed", lambda r: page.problems.append(f"failed: {r.url}"))
    page.on("response", lambda r: r.status >= 400 and page.problems.append(
        f"{r.status}: {r.url}"))
    page.goto(url, wait_until="networkidle")
    return page


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_cleanly_and_is_photographed(browser, site: str, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for label, width in (("desktop", 1280), ("phone", 360)):
        page = open_page(browser, site + PAGES[name], width=width, height=800)
        assert page.problems == []
        assert page.evaluate("document.documentElement.lang") == "ja"
        page.screenshot(path=str(ARTIFACTS / f"{name}-{label}.png"), full_page=True)
        if label == "phone":  # wide tables scroll inside their box, not the page
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 1, f"{name} is {overflow}px wider than a 360px screen"
        page.context.close()


def test_every_internal_link_resolves(browser, site: str) -> None:
    page = open_page(browser, site)
    seen: set[str] = set()
    queue = [site]
    anchors: dict[str, set[str]] = {}
    links: list[tuple[str, str]] = []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = page.request.get(url)
        assert response.ok, url
        if not url.endswith(".html") and not url.endswith("/"):
            continue
        body = response.text()
        anchors[url] = set(re.findall(r'\sid="([^"]+)"', body))
        for href in re.findall(r'href="([^"]+)"', body):
            target = urljoin(url, html.unescape(href))
            if urlparse(target).netloc != urlparse(site).netloc:
                continue
            page_url, fragment = urldefrag(target)
            links.append((page_url, fragment))
            queue.append(page_url)
    for page_url, fragment in links:
        if fragment and page_url in anchors:
            assert fragment in anchors[page_url], f"{page_url}#{fragment}"
    assert len(seen) > 40
    page.context.close()


def test_measure_card_shows_kpis_and_budgets(browser, site: str, plan) -> None:
    for m in plan.measures[:3] + plan.measures[-3:]:
        page = open_page(browser, f"{site}measures/{m.id}.html")
        card = page.inner_text(".keikaku-card")
        for k in m.kpis:
            assert fmt_value(k.baseline.value, k.unit) in card
            assert fmt_value(k.target.value, k.unit) in card
        for amount in m.budget.values():
            assert fmt_number(amount) in card
        page.context.close()


@pytest.mark.parametrize(("path", "kind"), [
    ("data/keikaku-plan.json", "application/json"),
    ("data/keikaku-plan.csv", "text/csv"),
    ("data/keikaku-vision.pdf", "application/pdf"),
])
def test_downloads_are_served(browser, site: str, path: str, kind: str) -> None:
    page = open_page(browser, site + "docs/data.html")
    if path.endswith(".pdf"):
        assert page.locator(f'a[href$="{Path(path).name}"]').count() == 1
    response = page.request.get(site + path)
    assert response.ok and response.headers["content-type"].startswith(kind)
    page.context.close()


def _body_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    start = text.find('<div class="body" role="main">')
    end = text.find('<div class="sphinxsidebar"')
    body = re.sub(r"<[^>]+>", "", text[start:end])
    return unicodedata.normalize("NFKC", html.unescape(body)).lower()


# The summary line is written when the last result is shown (keikaku.js supplies the
# Japanese sentence that Sphinx's catalogue lacks).
SEARCH_DONE = ("() => { const s = document.querySelector('#search-results p.search-summary');"
               " return s !== null && s.textContent.trim() !== ''; }")
WORDS = ["休日", "夜間", "子育て", "定住自立圏", "自立圏", "バルーン", "もち", "ＤＸ", "DX"]


@pytest.mark.parametrize("word", WORDS)
def test_search_finds_every_page_that_contains_the_word(browser, site: str,
                                                         html_site: Path, word: str) -> None:
    needle = unicodedata.normalize("NFKC", word).lower()
    # The archived source (docs/source/) is deliberately not indexed (nosearch): a
    # search finds the plan's pages, not the raw text they were made from.
    expected = {p.relative_to(html_site).as_posix() for p in html_site.rglob("*.html")
                if p.name not in ("search.html", "genindex.html")
                and not p.relative_to(html_site).as_posix().startswith("docs/source/")
                and needle in _body_text(p)}
    assert expected, word
    page = open_page(browser, f"{site}search.html?q={word}")
    page.wait_for_function(SEARCH_DONE, timeout=15000)
    found = {urlparse(a).path.lstrip("/") for a in page.eval_on_selector_all(
        "#search-results ul.search li a:first-child", "els => els.map(e => e.href)")}
    assert expected <= found, sorted(expected - found)
    summary = page.inner_text("#search-results p.search-summary")
    assert summary.startswith("検索が完了しました"), summary
    page.context.close()


# The measure page also on a phone, where its card's tables are laid out as blocks.
@pytest.mark.parametrize(("name", "width"), [*((name, 1280) for name in PAGES), ("measure", 360)])
def test_no_serious_accessibility_violations(browser, site: str, name: str, width: int) -> None:
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm ci --prefix tests/browser)")
    page = open_page(browser, site + PAGES[name], width=width)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []
    page.context.close()


def test_tables_have_header_cells_and_captions(browser, site: str) -> None:
    for path in ("docs/budget.html", "docs/vision/03-present.html",
                 "docs/vision/04-measures.html"):
        page = open_page(browser, site + path)
        tables = page.query_selector_all("div.keikaku-scroll > table")
        assert tables
        for t in tables:
            assert t.query_selector("caption") is not None
            assert t.query_selector("th") is not None
        page.context.close()


def test_keyboard_reaches_the_search_box_and_the_menu(browser, site: str) -> None:
    page = open_page(browser, site + PAGES["measure"])
    reached: set[str] = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        reached.add(page.evaluate(
            "(() => { const e = document.activeElement;"
            " if (e.matches('input[name=q]')) return 'search';"
            " if (e.closest('div.sphinxsidebar nav, div.sphinxsidebar ul')) return 'menu';"
            " return e.tagName; })()"))
    assert {"search", "menu"} <= reached
    page.context.close()


def test_a_measure_page_prints_on_one_clean_page(browser, site: str) -> None:
    """The card prints whole on the first sheet; since the KPI charts, the errata and
    comments of the measure may follow on a second."""
    from pypdf import PdfReader

    ARTIFACTS.mkdir(exist_ok=True)
    page = open_page(browser, site + PAGES["measure"])
    page.emulate_media(media="print")
    assert page.evaluate(
        "getComputedStyle(document.querySelector('div.sphinxsidebar')).display") == "none"
    out = ARTIFACTS / "measure-print.pdf"
    page.pdf(path=str(out), format="A4", print_background=True)
    reader = PdfReader(out)
    assert len(reader.pages) <= 2
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", reader.pages[0].extract_text()))
    assert "夜間診療体制確保事業" in text
    assert "役割分担" in text and "成果指標の推移" in text
    page.context.close()


# The characters on each text line of every KPI name (the first cell of each row).
KPI_NAME_LINES = """() => [...document.querySelectorAll('.keikaku-card .keikaku-kpi > tbody > tr')]
  .map(tr => {
    const cell = tr.firstElementChild;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    const lines = [];
    let bottom = -Infinity;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (let i = 0; i < n.length; i++) {
        range.setStart(n, i);
        range.setEnd(n, i + 1);
        const r = range.getBoundingClientRect();
        if (r.height === 0 || !n.data[i].trim()) continue;
        if ((r.top + r.bottom) / 2 > bottom) { lines.push(0); bottom = r.bottom; }
        lines[lines.length - 1] += 1;
      }
    }
    return [cell.textContent.trim(), lines];
  })"""
# Boxes inside the card that scroll sideways at this width (their content is wider).
CARD_SCROLLERS = """() => {
  const card = document.querySelector('.keikaku-card');
  return [card, ...card.querySelectorAll('*')]
    .filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
    .filter(e => e.scrollWidth > e.clientWidth + 1)
    .map(e => `${e.tagName}.${e.className}: ${e.scrollWidth} > ${e.clientWidth}`);
}"""


def test_every_card_reads_on_a_phone(browser, site: str, plan) -> None:
    """At 360px each KPI name reads in lines of 10 characters or more (its last line
    aside), nothing in the card scrolls sideways, and neither does the page."""
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    measured: dict[str, tuple[str, list[int]]] = {}
    problems: list[str] = []
    for m in plan.measures:
        page.goto(f"{site}measures/{m.id}.html", wait_until="load")
        names = dict(page.evaluate(KPI_NAME_LINES))
        for k in m.kpis:
            assert k.name in names, (m.id, k.name)
            measured[k.name] = (m.id, names[k.name])
        problems += [f"{m.id}: {box} scrolls sideways" for box in page.evaluate(CARD_SCROLLERS)]
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 1:
            problems.append(f"{m.id}: the page is {overflow}px wider than a 360px screen")
    context.close()
    assert len(measured) == sum(len(m.kpis) for m in plan.measures)
    # A name's last line may be short; its other lines must hold 10 characters on average.
    for name, (m_id, lines) in measured.items():
        assert sum(lines) == len(name), (name, lines)
        full = lines[:-1]
        if full and sum(full) / len(full) < 10:
            problems.append(f"{m_id}: {name} in lines of {lines} characters")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", ["measures/local-employment.html", "docs/budget.html",
                                  "docs/vision/03-present.html"])
def test_each_chart_has_an_accessible_name_and_its_data_table(browser, site: str, plan,
                                                              path: str) -> None:
    """Assistive technology finds each chart as an image with a Japanese name and a
    description, and the table of its data beside it (its caption names the chart)."""
    page = open_page(browser, site + path)
    boxes = page.query_selector_all(".keikaku-chart")
    assert boxes
    for box in boxes:
        svg = box.query_selector("svg[role=img]")
        name = page.evaluate(
            "e => e.getAttribute('aria-labelledby').split(' ').map("
            "id => document.getElementById(id).textContent).join(' ')", svg)
        described = page.evaluate(
            "e => document.getElementById(e.getAttribute('aria-describedby')).textContent",
            svg)
        assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", name) and described
        image = page.get_by_role("img", name=name, exact=True)
        assert image.count() == 1 and image.is_visible()
        table = box.query_selector("table")
        assert table.query_selector("caption").inner_text().startswith(name)
        assert len(table.query_selector_all("tbody tr")) >= 2
    if path.startswith("measures/"):
        m = plan.measure("local-employment")
        names = [page.evaluate("e => e.querySelector('title').textContent",
                               b.query_selector("svg")) for b in boxes]
        assert [k.name in n for k, n in zip(m.kpis, names, strict=True)] == [True] * len(m.kpis)
    page.context.close()
