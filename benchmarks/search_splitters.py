"""Which Japanese search splitter finds what people type? (issue: choose by measuring)

Builds the site once per splitter and, in Debian's chromium, searches each word;
a word passes when every page containing it (after NFKC normalisation) is found.

    python benchmarks/search_splitters.py            # print the table
    python benchmarks/search_splitters.py --write    # also update docs/accessibility.md

Needs chromium at /usr/bin/chromium, playwright, and janome for the Janome row.
"""

from __future__ import annotations

import functools
import html
import http.server
import os
import re
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from pathlib import Path
from urllib.parse import urlparse

from figures import write_between

ROOT = Path(__file__).resolve().parent.parent
# The summary line is written when the last result is shown (keikaku.js supplies the
# Japanese sentence that Sphinx's catalogue lacks).
SEARCH_DONE = ("() => { const s = document.querySelector('#search-results p.search-summary');"
               " return s !== null && s.textContent.trim() !== ''; }")
WORDS = ["休日", "夜間", "子育て", "定住自立圏", "自立圏", "バルーン", "もち", "ＤＸ", "DX"]
# One term in both widths on purpose: written as code, which the wording lint (keikaku.width)
# reads as a literal, not as the plan's prose.
LITERAL = {"ＤＸ", "DX"}
SPLITTERS = {"TinySegmenter（Sphinx の標準）": "default",
             "Janome（形態素解析）": "sphinx.search.ja.JanomeSplitter",
             "２文字区切り＋全角半角の正規化（このサイト）": "bigram"}



def body_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    body = text[text.find('<div class="body" role="main">'):text.find('<div class="sphinxsidebar"')]
    return unicodedata.normalize("NFKC", html.unescape(re.sub(r"<[^>]+>", "", body))).lower()


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def measure(out: Path, browser) -> dict[str, tuple[int, int]]:
    server = socketserver.ThreadingTCPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    pages = {p.relative_to(out).as_posix(): body_text(p) for p in out.rglob("*.html")
             if p.name not in ("search.html", "genindex.html")}
    result = {}
    page = browser.new_page()
    for word in WORDS:
        needle = unicodedata.normalize("NFKC", word).lower()
        expected = {name for name, text in pages.items() if needle in text}
        page.goto(f"{base}search.html?q={word}")
        page.wait_for_function(SEARCH_DONE, timeout=15000)
        found = {urlparse(h).path.lstrip("/") for h in page.eval_on_selector_all(
            "#search-results ul.search li a:first-child", "els => els.map(e => e.href)")}
        result[word] = (len(expected & found), len(expected))
    page.close()
    server.shutdown()
    server.server_close()
    return result


def main() -> None:
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu"])
        for label, kind in SPLITTERS.items():
            out = Path(tmp) / kind
            subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", str(ROOT),
                            str(out)], check=True,
                           env={**os.environ, "KEIKAKU_SEARCH_SPLITTER": kind})
            rows.append((label, measure(out, browser)))
        browser.close()
    lines = [f"測定日 {time.strftime('%Y-%m-%d')}。"
             "各欄は「見つかったページ／その語を含むページ」。",
             "", "| 区切り方 | " + " | ".join(f"`{w}`" if w in LITERAL else w
                                         for w in WORDS) + " | すべて見つかった語 |",
             "|---|" + "---|" * (len(WORDS) + 1)]
    for label, result in rows:
        cells = [f"{f}/{e}" for f, e in result.values()]
        passed = sum(f == e for f, e in result.values())
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {passed} / {len(WORDS)} |")
    text = "\n".join(lines)
    print(text)
    if "--write" in sys.argv[1:]:
        write_between(ROOT / "docs" / "accessibility.md", "search-splitters", text)


if __name__ == "__main__":
    main()
