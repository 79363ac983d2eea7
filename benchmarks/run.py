"""Benchmarks of keikaku (not timed tests): build times and `keikaku check` at scale.

    python benchmarks/run.py            # print the figures as Markdown
    python benchmarks/run.py --write    # also replace the figures in docs/benchmarks.md

Each figure is the median of several runs of a fresh process (interpreter start
included), on whatever machine runs it; docs/benchmarks.md says which.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from figures import write_between

ROOT = Path(__file__).resolve().parent.parent
KEIKAKU = [sys.executable, "-m", "keikaku"]
SPHINX = [sys.executable, "-m", "sphinx", "-nW", "--keep-going", "-q"]


def timed(cmd: list[str], env: dict[str, str] | None = None, ok=(0, 1)) -> float:
    start = time.perf_counter()
    run = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if run.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{run.stderr}")
    return elapsed


def median(cmd: list[str], runs: int, **kw) -> float:
    return statistics.median(timed(cmd, **kw) for _ in range(runs))


def parse_only(plan: Path) -> float:
    """PyYAML's C loader on the same front matter, in this process (reading included)."""
    start = time.perf_counter()
    for path in (plan / "measures").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        yaml.load(text.split("\n---\n", 1)[0][4:], Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


def copy_repo(dest: Path) -> Path:
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(
        "_build", ".nox", ".venv", ".git", "__pycache__", ".pytest_cache", ".hypothesis"))
    return dest


def build_figures(tmp: Path) -> list[tuple[str, str, float]]:
    repo = copy_repo(tmp / "repo")
    out = tmp / "out"
    rows = []
    full = timed([*SPHINX, "-j", "auto", "-b", "html", str(repo), str(out / "html")])
    rows.append(("HTML 全体のビルド（`sphinx-build -j auto -b html`）", "1回", full))
    card = repo / "measures" / "holiday-night-care.md"
    times = []
    for i in range(3):
        card.write_text(card.read_text(encoding="utf-8").replace(
            "## 事業効果", f"## 事業効果\n\n<!-- edit {i} -->", 1), encoding="utf-8")
        times.append(timed([*SPHINX, "-j", "auto", "-b", "html", str(repo), str(out / "html")]))
    rows.append(("施策ファイルを1つ編集した後の HTML 再ビルド", "3回の中央値",
                 statistics.median(times)))
    pdf = timed([*SPHINX, "-b", "keikakupdf", str(repo), str(out / "pdf")])
    rows.append(("PDF（`-b keikakupdf`: 単一 HTML + WeasyPrint）", "1回", pdf))
    return rows


def fresh(cmd: list[str], tmp: Path, runs: int) -> float:
    """A check with nothing cached: a new, empty cache folder for every run (no result,
    no analysed text), so the analyser's dictionary is loaded and every file analysed."""
    times = []
    for i in range(runs):
        env = {**os.environ, "XDG_CACHE_HOME": str(tmp / f"cold-{time.monotonic_ns()}-{i}")}
        times.append(timed(cmd, env=env))
    return statistics.median(times)


def edited(plan: Path, tmp: Path, runs: int, env: dict[str, str]) -> float:
    """A re-check after editing the prose of one measure file: the result cache misses,
    the analyser is loaded and only that file's text is analysed again (the wording
    lint's per-file cache)."""
    repo = copy_repo(tmp / "edited")
    card = repo / "measures" / "holiday-night-care.md"
    timed([*KEIKAKU, "check", str(repo)], env=env)
    times = []
    for i in range(runs):
        card.write_text(card.read_text(encoding="utf-8").replace(
            "## 事業効果\n", f"## 事業効果\n\n編集{i + 1}回目の文。\n", 1), encoding="utf-8")
        times.append(timed([*KEIKAKU, "check", str(repo)], env=env))
    return statistics.median(times)


def check_figures(tmp: Path, sizes: list[int], runs: int) -> list[tuple[str, str, float]]:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp / "cache")}
    rows = []
    for n in sizes:
        if n == 0:
            plan, label = ROOT, "実際の計画（32施策）"
            rows.append((f"`keikaku check`、{label}、何もキャッシュしていない状態（表記の検査の"
                         "辞書の読み込みと全ファイルの解析を含む）", f"{runs}回の中央値",
                         fresh([*KEIKAKU, "check", str(plan), "--no-cache"], tmp, runs)))
            rows.append((f"`keikaku check`、{label}、施策ファイルを1つ編集した後の再検査",
                         f"{runs}回の中央値", edited(plan, tmp, runs, env)))
        else:
            plan = tmp / f"synth-{n}"
            subprocess.run([*KEIKAKU, "synth", str(n), str(plan), "--root", str(ROOT)],
                           check=True, capture_output=True)
            label = f"合成計画 {n:,} 施策"
        cold = median([*KEIKAKU, "check", str(plan), "--no-cache"], runs, env=env)
        timed([*KEIKAKU, "check", str(plan)], env=env)  # fill the cache
        warm = median([*KEIKAKU, "check", str(plan)], runs, env=env)
        parse = statistics.median(parse_only(plan) for _ in range(runs))
        rows.append((f"`keikaku check`、{label}、キャッシュなし（`--no-cache`）",
                     f"{runs}回の中央値", cold))
        rows.append((f"`keikaku check`、{label}、変更なしの再検査", f"{runs}回の中央値", warm))
        rows.append((f"PyYAML C ローダーでの読み込みのみ、{label}", f"{runs}回の中央値", parse))
    return rows


def markdown(rows: list[tuple[str, str, float]]) -> str:
    lines = [
        f"測定日 {time.strftime('%Y-%m-%d')}、{platform.machine()}、{os.cpu_count()} コア、"
        f"Python {platform.python_version()}。コマンド: `python benchmarks/run.py --write`"
        "（`nox -s bench -- --write` でも同じ）。",
        "",
        "| 測定対象 | 回数 | 秒 |",
        "|---|---|---:|",
    ]
    lines += [f"| {what} | {runs} | {secs:.2f} |" for what, runs, secs in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="0,1000,10000",
                        help="plan sizes for check (0 = the real plan)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = build_figures(Path(tmp))
        rows += check_figures(Path(tmp), [int(s) for s in args.sizes.split(",")], args.runs)
    text = markdown(rows)
    print(text)
    if args.write:
        write_between(ROOT / "docs" / "benchmarks.md", "benchmarks", text)


if __name__ == "__main__":
    main()
