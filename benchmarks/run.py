"""Benchmarks of keikaku (not timed tests): build times and `keikaku check` at scale.

    python benchmarks/run.py            # print the figures as Markdown
    python benchmarks/run.py --write    # also replace the figures in docs/benchmarks.md

Each figure is the median of several runs of a fresh process (interpreter start
included), on whatever machine runs it; docs/benchmarks.md says which. The targets
are ratios of figures measured in the same run (so a loaded or slower machine
moves both sides): the site at 500 and 2,000 synthetic measures, against plain
Sphinx + MyST on the same folder (the floor), one edit rebuilt at 2,000 measures,
and `keikaku check` at 10,000 measures against reading, parsing and validating
the same files in one process (its floor, ``--check-floor DIR``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
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


def timed_memory(cmd: list[str], ok=(0,)) -> tuple[float, float]:
    """Seconds and peak memory (MB, the largest process of the command's tree: Linux
    counts the children a process waited for, such as Sphinx's -j workers)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{stderr.decode(errors='replace')}")
    return elapsed, usage.ru_maxrss / 1024  # KB on Linux


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


def check_figures(tmp: Path, sizes: list[int], runs: int,
                  keyed: dict[str, float]) -> list[tuple[str, str, float]]:
    """The rows of the check's table; ``keyed`` gets each figure by a key (real-cold,
    1000-nocache, …) for the goals."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp / "cache")}
    rows = []
    for n in sizes:
        if n == 0:
            plan, label = ROOT, "実際の計画（32施策）"
            keyed["real-cold"] = fresh([*KEIKAKU, "check", str(plan), "--no-cache"], tmp, runs)
            keyed["real-edited"] = edited(plan, tmp, runs, env)
            rows.append((f"`keikaku check`、{label}、何もキャッシュしていない状態（表記の検査の"
                         "辞書の読み込みと全ファイルの解析を含む）", f"{runs}回の中央値",
                         keyed["real-cold"]))
            rows.append((f"`keikaku check`、{label}、施策ファイルを1つ編集した後の再検査",
                         f"{runs}回の中央値", keyed["real-edited"]))
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
        key = "real" if n == 0 else str(n)
        keyed |= {f"{key}-nocache": cold, f"{key}-warm": warm, f"{key}-parse": parse}
    return rows


# The check's goals: (what, figure, divided by (None: seconds), bound, where to look).
GOALS = (
    ("実際の計画の検査が、Python の起動を含めて 1 秒未満", "real-nocache", None, 1.0,
     "上の表の「実際の計画、キャッシュなし」"),
    ("10,000 施策の検査（キャッシュなし）が 5 秒未満", "10000-nocache", None, 5.0,
     "「合成計画 10,000 施策、キャッシュなし」"),
    ("変更なしの再検査が 1 秒未満（どの大きさの計画でも）", "warm", None, 1.0,
     "「変更なしの再検査」の最も遅い行"),
    ("表記の検査を含めて、実際の計画の検査が何もキャッシュしていない状態で、Python の起動を"
     "含めて 1 秒未満", "real-cold", None, 1.0, "「実際の計画、何もキャッシュしていない状態」"),
    ("表記の検査を含めて、実際の計画の変更なしの再検査が 0.3 秒未満", "real-warm", None, 0.3,
     "「実際の計画、変更なしの再検査」"),
    ("10,000 施策の検査が、PyYAML での読み込みのみの時間の 1/4 以下", "10000-nocache",
     "10000-parse", 0.25, "上の表の２つの行の比"),
)


def goal_markdown(keyed: dict[str, float]) -> str:
    """Each goal met or not, from the figures just measured (a goal whose figures were
    not measured, at other --sizes, is left out)."""
    lines = ["| 目標 | 測定値 | 結果 |", "|---|---:|---|"]
    for what, num, den, bound, where in GOALS:
        if num == "warm":
            warm = [v for k, v in keyed.items() if k.endswith("-warm")]
            value = max(warm) if warm else None
        else:
            value = keyed.get(num)
        if value is None or (den and den not in keyed):
            continue
        shown = f"{value / keyed[den]:.2f} 倍" if den else f"{value:.2f} 秒"
        met = value / keyed[den] <= bound if den else value < bound  # 以下, 未満
        lines.append(f"| {what} | {shown} | {'達成' if met else '未達成'}（{where}） |")
    return "\n".join(lines)


# The floor of the site: Sphinx with MyST alone on the same folder (no keikaku, no
# toctree of the measures, no theme options); its warnings (unknown directives,
# pages in no toctree) are expected, so it is not built with -W.
BARE_CONF = """\
extensions = ["myst_parser"]
language = "ja"
root_doc = "index"
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "docs/data", "schemas", ".*"]
myst_enable_extensions = ["colon_fence"]
"""


def synth(n: int, dest: Path) -> Path:
    subprocess.run([*KEIKAKU, "synth", str(n), str(dest), "--root", str(ROOT)],
                   check=True, capture_output=True)
    return dest


def edit_measure(plan: Path, i: int) -> None:
    """One edit a user makes: a measure's name and its budget of every year (of the
    last copy: the real measures are named in the comparison and the errata). The name
    gains 「（改）」, without a digit: a digit in a name is a number the audit must place."""
    path = max((plan / "measures").glob("*-[0-9][0-9][0-9][0-9][0-9].md"),
               key=lambda p: p.stem[-5:])
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^name: (.*)$", r"name: \g<1>（改）", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^  (20[0-9]{2}): ([0-9]+)$", lambda m: f"  {m[1]}: {int(m[2]) + 1}",
                  text, flags=re.MULTILINE)
    path.write_text(text, encoding="utf-8")


def scale_figures(tmp: Path, sizes: list[int], runs: int) -> dict[str, float]:
    """The site at each size, its floor, and one edit rebuilt at the largest size."""
    bare = tmp / "bare-conf"
    bare.mkdir()
    (bare / "conf.py").write_text(BARE_CONF, encoding="utf-8")
    figures: dict[str, float] = {}
    for n in sizes:
        plan = synth(n, tmp / f"site-{n}")
        figures[f"floor-{n}"] = timed([*SPHINX[:3], "-q", "-j", "auto", "-c", str(bare), "-b",
                                       "html", str(plan), str(tmp / f"floor-{n}")], ok=(0, 1))
        figures[f"site-{n}"], figures[f"memory-site-{n}"] = timed_memory(
            [*SPHINX, "-j", "auto", "-b", "html", str(plan), str(tmp / f"html-{n}")])
    n = max(sizes)
    # the same build with Python's garbage collector as it is (sphinxext/collector.py)
    figures[f"site-{n}-gc"], figures[f"memory-site-{n}-gc"] = timed_memory(
        [*SPHINX, "-j", "auto", "-b", "html", "-D", "keikaku_gc_tuning=0",
         str(tmp / f"site-{n}"), str(tmp / f"html-{n}-gc")])
    times = []
    for i in range(runs):
        edit_measure(tmp / f"site-{n}", i)
        times.append(timed([*SPHINX, "-j", "auto", "-b", "html", str(tmp / f"site-{n}"),
                            str(tmp / f"html-{n}")], ok=(0,)))
    figures[f"edit-{n}"] = statistics.median(times)
    edit_measure(tmp / f"site-{n}", runs)
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "rebuild_phases.py"),
                          str(tmp / f"site-{n}"), str(tmp / f"html-{n}")],
                         capture_output=True, text=True, check=True)
    figures["phases"] = json.loads(run.stdout.splitlines()[-1])
    return figures


PHASES = {
    "start-up": "Python・Sphinx・拡張の読み込み",
    "check": "計画全体の検査（ビルドの開始時。データに誤りがあれば `-W` で止めるため）",
    "environment": "Sphinx の環境（全ページの情報）の読み込み",
    "read": "{page}の読み直し",
    "consistency": "整合性の確認",
    "write": "{page}の書き出し（サイドバーを含む）",
    "finish": "検索索引・ウェブフォント・公開データの書き出し",
}


def phase_markdown(marks: list[list], shown: float = 0.3) -> str:
    """The phases of one edited rebuild (rebuild_phases.py), each page above ``shown``
    seconds on its own row, the others of the same phase summed after them."""
    rows: list[tuple[str, str, float]] = []  # (phase, what, seconds)
    rest: dict[str, list[float]] = {}
    last = 0.0
    for phase, page, at in marks:
        seconds, last = at - last, at
        if phase == "end":
            continue
        if page and seconds < shown:
            rest.setdefault(phase, []).append(seconds)
            continue
        rows.append((phase, PHASES[phase].format(page=f"ページ `{page}` "), seconds))
    for phase, times in rest.items():
        at = max((i for i, row in enumerate(rows) if row[0] == phase), default=len(rows) - 1)
        rows.insert(at + 1, (phase, PHASES[phase].format(page=f"ほかの {len(times)} ページ"),
                             sum(times)))
    lines = ["| 段階（`-j 1`、1 プロセス） | 秒 |", "|---|---:|"]
    lines += [f"| {what} | {seconds:.2f} |" for _, what, seconds in rows]
    lines.append(f"| 計 | {last:.2f} |")
    return "\n".join(lines)


def check_floor(plan: Path) -> None:
    """Read every measure file, parse its front matter with the parser keikaku uses
    (ryaml where it agrees with PyYAML) and validate it with jsonschema-rs."""
    import json

    import jsonschema_rs

    from keikaku import yamlfast

    def jsonable(v):  # as keikaku.schemas.jsonable, without importing python-jsonschema
        if isinstance(v, dict):
            return {str(k).lower() if isinstance(k, bool) else str(k): jsonable(x)
                    for k, x in v.items()}
        if isinstance(v, list):
            return [jsonable(x) for x in v]
        return v.isoformat() if hasattr(v, "isoformat") else v

    def valid(data):  # as keikaku.rules.schema: the data as read, converted if refused
        try:
            return validator.is_valid(data)
        except ValueError:  # a key that is no string, a date
            return validator.is_valid(jsonable(data))

    schema = json.loads((plan / "schemas" / "measure.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema_rs.validator_for(schema, validate_formats=True)
    invalid = 0
    for path in (plan / "measures").glob("*.md"):
        front = path.read_text(encoding="utf-8").split("\n---\n", 1)[0][4:]
        invalid += not valid(yamlfast.load(front))
    if invalid:
        raise SystemExit(f"{invalid} measure files are invalid")


def check_ratio_figures(tmp: Path, n: int, runs: int) -> dict[str, float]:
    plan = synth(n, tmp / f"check-{n}")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp / "check-cache")}
    check = [*KEIKAKU, "check", str(plan), "--no-cache"]
    timed(check, env=env)  # the wording lint's analyses are cached by content (see below)
    return {f"check-{n}": fresh(check, tmp, runs),
            f"check-warm-analyser-{n}": median(check, runs, env=env),
            f"check-floor-{n}": median([sys.executable, __file__, "--check-floor", str(plan)],
                                       runs, ok=(0,))}


def ratio_markdown(f: dict[str, float], small: int, large: int, n: int) -> str:
    """The figures of the ratios, then each target: its ratio, its bound, met or not."""
    labels = {
        f"site-{small}": f"サイト（`sphinx-build -nW -j auto -b html`）、合成計画 {small:,} 施策",
        f"floor-{small}": (f"下限: Sphinx + MyST のみ（素の conf.py）、同じ {small:,} 施策の"
                           "フォルダ"),
        f"site-{large}": f"サイト、合成計画 {large:,} 施策",
        f"floor-{large}": f"下限: Sphinx + MyST のみ、同じ {large:,} 施策のフォルダ",
        f"site-{large}-gc": (f"同じ {large:,} 施策のサイト、Python のガベージコレクタを"
                             "既定の設定のままにした場合（`-D keikaku_gc_tuning=0`）"),
        f"edit-{large}": (f"{large:,} 施策で施策ファイルを1つ編集（名称と事業費）した後の"
                          "再ビルド（3回の中央値）"),
        f"check-{n}": (f"`keikaku check --no-cache`、合成計画 {n:,} 施策、何もキャッシュして"
                       "いない状態（3回の中央値）"),
        f"check-warm-analyser-{n}": ("同じ検査、表記の検査の解析結果のキャッシュあり"
                                     "（3回の中央値）"),
        f"check-floor-{n}": ("下限: 同じファイルの読み込み + フロントマターの解析"
                             "（ryaml/PyYAML）+ jsonschema-rs の検証、1 プロセス（3回の中央値）"),
    }
    targets = (  # (what, numerator, denominator or None for seconds, bound)
        (f"サイトのビルド時間の伸び: {large:,} 施策 ÷ {small:,} 施策",
         f"site-{large}", f"site-{small}", 4.5),
        (f"{large:,} 施策のサイト ÷ 同じフォルダの Sphinx + MyST のみ（下限）",
         f"site-{large}", f"floor-{large}", 3.0),
        (f"{large:,} 施策で施策ファイルを1つ編集した後の再ビルド", f"edit-{large}", None, 5.0),
        (f"{n:,} 施策の `keikaku check`（何もキャッシュしていない状態）÷ 下限",
         f"check-{n}", f"check-floor-{n}", 1.5),
    )
    lines = ["| 測定対象 | 秒 |", "|---|---:|"]
    lines += [f"| {label} | {f[k]:.2f} |" for k, label in labels.items() if k in f]
    lines += ["", "| 目標 | 測定値 | 目標値 | 結果 |", "|---|---:|---:|---|"]
    for what, num, den, bound in targets:
        value = f[num] / f[den] if den else f[num]
        shown, limit = (f"{value:.2f}", f"≤ {bound}") if den else (
            f"{value:.2f} 秒", f"< {bound} 秒")
        lines.append(f"| {what} | {shown} | {limit} | {'達成' if value <= bound else '未達成'} |")
    memory = {f"memory-site-{large}": f"サイト、合成計画 {large:,} 施策",
              f"memory-site-{large}-gc": "同じサイト、ガベージコレクタは既定の設定"}
    if any(k in f for k in memory):
        lines += ["", "| ビルド | 最大メモリ（MB） |", "|---|---:|"]
        lines += [f"| {label} | {f[k]:,.0f} |" for k, label in memory.items() if k in f]
    return "\n".join(lines)


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
    parser.add_argument("--site-sizes", default="500,2000",
                        help="plan sizes of the site's ratios (the largest is edited)")
    parser.add_argument("--check-size", type=int, default=10_000,
                        help="plan size of the check's ratio to its floor")
    parser.add_argument("--only-ratios", action="store_true",
                        help="measure the ratios only (not the real plan's figures)")
    parser.add_argument("--check-floor", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.check_floor:
        check_floor(Path(args.check_floor))
        return
    with tempfile.TemporaryDirectory() as tmp:
        start = time.strftime("%H:%M")
        load = os.getloadavg()[0]
        sizes = sorted(int(s) for s in args.site_sizes.split(","))
        figures = scale_figures(Path(tmp), sizes, args.runs)
        figures |= check_ratio_figures(Path(tmp), args.check_size, args.runs)
        phases = phase_markdown(figures.pop("phases"))
        ratios = ratio_markdown(figures, sizes[0], sizes[-1], args.check_size) + (
            f"\n\n測定日 {time.strftime('%Y-%m-%d')} {start} UTC〜、{os.cpu_count()} コア、"
            f"開始時の負荷（1 分平均）{load:.1f}、終了時 {os.getloadavg()[0]:.1f}。"
            "コマンド: `python benchmarks/run.py --write`（比率だけなら `--only-ratios`）。")
        keyed: dict[str, float] = {}
        rows = [] if args.only_ratios else build_figures(Path(tmp)) + check_figures(
            Path(tmp), [int(s) for s in args.sizes.split(",")], args.runs, keyed)
    print(ratios)
    print(phases)
    text = markdown(rows) if rows else ""
    print(text)
    if args.write:
        write_between(ROOT / "docs" / "benchmarks.md", "ratios", ratios)
        write_between(ROOT / "docs" / "benchmarks.md", "rebuild-phases", phases)
        if rows:
            write_between(ROOT / "docs" / "benchmarks.md", "benchmarks", text)
            write_between(ROOT / "docs" / "benchmarks.md", "goals", goal_markdown(keyed))


if __name__ == "__main__":
    main()
