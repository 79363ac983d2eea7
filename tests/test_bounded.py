"""Bad input, bounded: no file makes `keikaku check` or the Sphinx build run away, and
raw HTML in content is neither accepted nor published.

Each adversarial file goes into a copy of the plan; `keikaku check` runs in a
subprocess with a timeout and must finish with exit code 1, printing the problem's
code at its ``file:line``. (Before these limits, the ten-line alias bomb alone kept
the check busy for minutes.)
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from keikaku.load import MAX_FILE_BYTES, MAX_VALUES

from .conftest import copy_plan, sphinx_build

KEYS = MAX_VALUES // 2 + 1  # each key and its value count as two
TIMEOUT = 20  # seconds; every case below takes well under 2 on a laptop
MEASURE = "measures/holiday-night-care.md"

# Ten lines of anchors and aliases: nine levels of nine, 9**9 (387 million) values
# once expanded.
ALIAS_BOMB = "a0: &a0 [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, 9))
BODY = "\n## 取組内容\n\n## 事業効果\n\n## 役割分担\n"


def _front(front: str) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_text(f"---\n{front}---\n{BODY}", encoding="utf-8")
    return write


def _fifty_megabytes(path: Path) -> None:
    head = path.read_text(encoding="utf-8")
    with path.open("w", encoding="utf-8") as f:
        f.write(head)
        line = "本文。" * 100 + "\n"
        for _ in range(50):
            f.write(line * 1111)  # 1 MB


def _replace(old: str, new: str) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1
        path.write_text(text.replace(old, new), encoding="utf-8")
    return write


def _prepend(text: str) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_text(text + path.read_text(encoding="utf-8"), encoding="utf-8")
    return write


# (id, file, how it is broken, code, line)
ADVERSARIAL = [
    ("alias bomb in a measure", MEASURE, _front(ALIAS_BOMB), "keikaku.yaml", 2),
    ("alias bomb as a data file", "docs/data/population.yaml",
     lambda p: p.write_text(ALIAS_BOMB, encoding="utf-8"), "keikaku.yaml", 1),
    ("alias bomb in a page's front matter", "index.md",
     _prepend(f"---\n{ALIAS_BOMB}---\n"), "keikaku.yaml", 2),
    ("100,000 [", MEASURE, _front("id: " + "[" * 100_000 + "\n"), "keikaku.yaml", 2),
    ("100,000 { in a data file", "docs/data/structure.yaml",
     lambda p: p.write_text("areas: " + "{a: " * 100_000 + "\n", encoding="utf-8"),
     "keikaku.yaml", 1),
    ("a 50 MB measure file", MEASURE, _fifty_megabytes, "keikaku.read", 1),
    ("a 50 MB page", "docs/workflow.md", _fifty_megabytes, "keikaku.read", 1),
    ("one line of a million characters", MEASURE,
     _replace("name: 休日・夜間診療体制確保事業", "name: " + "x" * 1_000_000),
     "keikaku.read", 1),
    ("one line of 900,000 characters of HTML tags", MEASURE,
     _replace("## 事業効果\n", "<b>" * 300_000 + "\n\n## 事業効果\n"), "keikaku.raw-html",
     "## 事業効果"),  # the tags stand on the line of this heading in the real file
    # one more key and value than the limit allows (keikaku.load.MAX_VALUES)
    (f"{KEYS:,} keys", MEASURE, _front("".join(f"k{i}: 1\n" for i in range(KEYS))),
     "keikaku.yaml", 2),
    (f"{MAX_VALUES:,} list items in a data file", "docs/data/plan.yaml",
     _prepend("items: [" + "1," * MAX_VALUES + "1]\n"), "keikaku.yaml", 1),
    # the most values a file under the size limit can hold: 1 MB of "1,"
    ("a flow list as large as the size limit allows", "docs/data/plan.yaml",
     lambda p: _prepend("items: [" + "1," * ((MAX_FILE_BYTES - p.stat().st_size) // 2 - 20)
                        + "1]\n")(p), "keikaku.yaml", 1),
]


def check_in_subprocess(root: Path) -> tuple[subprocess.CompletedProcess, float]:
    start = time.monotonic()
    try:
        run = subprocess.run(
            [sys.executable, "-m", "keikaku", "check", "--no-cache", str(root)],
            capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"keikaku check did not finish within {TIMEOUT} s")
    return run, time.monotonic() - start


@pytest.mark.parametrize(("file", "write", "code", "line"),
                         [pytest.param(*case[1:], id=case[0]) for case in ADVERSARIAL])
def test_adversarial_file_is_reported_in_seconds(
        tmp_path: Path, file: str, write: Callable[[Path], None], code: str,
        line: int | str) -> None:
    root = copy_plan(tmp_path / "plan")
    if isinstance(line, str):  # the line of this text in the file before it is broken
        line = (root / file).read_text(encoding="utf-8").split("\n").index(line) + 1
    write(root / file)
    run, seconds = check_in_subprocess(root)
    assert run.returncode == 1, run.stdout[-2000:] + run.stderr[-2000:]
    reported = [out for out in run.stdout.splitlines()
                if out.startswith(f"{file}:{line}: ") and out.endswith(f"[{code}]")]
    assert reported, run.stdout[-3000:]
    assert seconds < TIMEOUT


def test_alias_bomb_is_refused_in_japanese_at_its_line(tmp_path: Path) -> None:
    from keikaku.check import load_plan

    root = copy_plan(tmp_path / "plan")
    _front(ALIAS_BOMB)(root / MEASURE)
    [problem] = [p for p in load_plan(root).problems if p.file == MEASURE]
    assert (problem.code, problem.line) == ("keikaku.yaml", 2)
    assert "アンカー・エイリアス「&a0」は使えません" in problem.message("ja")


def test_sphinx_build_with_an_alias_bomb_stops_with_the_message(tmp_path: Path) -> None:
    """The page whose front matter holds the bomb is not given to MyST (which would
    expand it); the measure file's is never parsed by MyST at all. notes.md, a page
    outside index.md and docs/ (which keikaku check does not read), is read by the
    build with the same limits."""
    root = copy_plan(tmp_path / "plan")
    _front(ALIAS_BOMB)(root / MEASURE)
    _prepend(f"---\n{ALIAS_BOMB}---\n")(root / "docs" / "workflow.md")
    (root / "notes.md").write_text(f"---\n{ALIAS_BOMB}---\n# メモ\n", encoding="utf-8")
    try:
        run = sphinx_build("html", tmp_path / "out", src=root, timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail("the Sphinx build did not finish within 120 s")
    assert run.returncode != 0
    for file in (MEASURE, "docs/workflow.md", "notes.md"):
        assert f"{root / file}:2: WARNING: YAML のアンカー・エイリアス" in run.stderr, run.stderr


RAW_MEASURE = [
    ("## 事業効果\n", "<script>alert(1)</script>\n\n## 事業効果\n"),
    ("## 役割分担\n", "```{raw} html\n<img src=x onerror=alert(1)>\n```\n\n## 役割分担\n"),
]


def test_raw_html_fails_the_build_and_is_not_published(tmp_path: Path) -> None:
    root = copy_plan(tmp_path / "plan")
    for old, new in RAW_MEASURE:
        _replace(old, new)(root / MEASURE)
    # A page may allow raw HTML, after review: it is kept there.
    _prepend("---\nallow_raw_html: true\n---\n")(root / "docs" / "workflow.md")
    _replace("# 改訂の手順（職員向け）\n",
             '# 改訂の手順（職員向け）\n\n<b class="reviewed-html">確認済み</b>\n')(
        root / "docs" / "workflow.md")
    text = (root / MEASURE).read_text(encoding="utf-8").split("\n")
    script_line = text.index("<script>alert(1)</script>") + 1
    raw_line = text.index("```{raw} html") + 1

    out = tmp_path / "out"
    run = sphinx_build("html", out, src=root, timeout=300)
    assert run.returncode != 0
    warnings = run.stderr.splitlines()
    for line in (script_line, raw_line):
        assert any(w.startswith(f"{root / MEASURE}:{line}: WARNING: ")
                   and w.endswith("[keikaku.raw-html]") for w in warnings), run.stderr
    assert "docs/workflow.md" not in run.stderr  # allowed, so neither reported nor removed
    page = (out / "measures" / "holiday-night-care.html").read_text(encoding="utf-8")
    assert "休日・夜間診療体制確保事業" in page  # the page is written (--keep-going) ...
    assert "<script>alert" not in page and "onerror" not in page  # ... without the HTML
    assert '<b class="reviewed-html">確認済み</b>' in (
        out / "docs" / "workflow.html").read_text(encoding="utf-8")


def test_raw_output_is_removed_even_when_the_check_is_not_heeded(tmp_path: Path) -> None:
    """Without -W (a draft preview), the build succeeds: the guard still removes the
    raw HTML, and says so."""
    root = copy_plan(tmp_path / "plan")
    for old, new in RAW_MEASURE:
        _replace(old, new)(root / MEASURE)
    out = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "--no-color", "-b", "html", "-D",
         "keikaku_strict=0",
         str(root), str(out)], capture_output=True, text=True, check=False, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "を公開ページから除きました" in run.stderr
    page = (out / "measures" / "holiday-night-care.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "onerror" not in page


def test_checks_page_states_the_limits() -> None:
    from keikaku import load

    from .conftest import REPO

    text = (REPO / "docs" / "checks.md").read_text(encoding="utf-8")
    # rendered from the constants themselves ({value}`keikaku.limits.…`, docs/checks.md)
    from keikaku.check import load_plan
    from keikaku.values import resolve

    plan = load_plan(REPO).plan
    assert "| {value}`keikaku.limits.file_bytes` バイト |" in text
    assert "| {value}`keikaku.limits.values` 個 |" in text
    assert resolve(plan, "keikaku.limits.file_bytes") == f"{load.MAX_FILE_BYTES:,}"
    assert resolve(plan, "keikaku.limits.values") == f"{load.MAX_VALUES:,}"
    assert "allow_raw_html: true" in text


def test_raw_html_is_reported_ten_times_per_file_at_most(tmp_path: Path) -> None:
    from keikaku.check import load_plan

    root = copy_plan(tmp_path / "plan")
    _replace("## 事業効果\n", "<b>" * 300_000 + "\n\n## 事業効果\n")(root / MEASURE)
    found = [p for p in load_plan(root).problems if p.code == "keikaku.raw-html"]
    assert len(found) == 11
    [more] = [p for p in found if p.key == "more-raw-html"]
    assert "ほか 299990 件の生の HTML" in more.message("ja")


def test_a_text_longer_than_the_analyser_takes_is_analysed_in_pieces() -> None:
    """SudachiPy refuses more than 49,149 bytes at once; the lint must not crash on one
    long line (an internal error, before this was handled)."""
    from keikaku.analyser import analyse

    text = "圏域の医療体制の充実を図る。" * 5_000  # 70,000 characters, 210,000 bytes
    tokens = analyse(text)
    assert "".join(t[2] for t in tokens) == text
    assert all(text[t[0]:t[1]] == t[2] for t in tokens)
