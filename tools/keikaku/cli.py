"""The command line: thin. Parse arguments, call the core, print, exit 0 / 1 / 2.

    keikaku check [PATH] [--format text|json] [--lang ja|en] [--strict] [--audit]
    keikaku export [--format json|csv] [--root PATH] [--output FILE] [--draft]
    keikaku diff [BASE] [HEAD] [--format text|json] [--root PATH]
    keikaku report --fiscal-year YEAR [--format md|csv] [--root PATH] [--output FILE]
    keikaku new ID --name NAME [--direction DIRECTION] [--budget YEAR=AMOUNT ...]
                [--project MUNICIPALITY=NAME ...] [--kpi NAME] [--root PATH]
    keikaku init DIR --name NAME --sphere SPHERE --period START-END
                 --municipality ID=NAME [...] --central ID [...] [--prefecture ID=PREF ...]
    keikaku synth N DIR [--root PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .messages import render
from .problems import Severity, strict

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def find_root(path: Path) -> Path | None:
    """The plan root: ``path`` or its nearest parent holding docs/data/plan.yaml."""
    path = path.resolve()
    for candidate in (path, *path.parents):
        if (candidate / "docs" / "data" / "plan.yaml").is_file():
            return candidate
    return None


def plan_root(path: str, lang: str) -> Path | None:
    """The plan root for a command, or None after saying (in ``lang``) that there is none."""
    root = find_root(Path(path))
    if root is None:
        print(render("no-plan", lang, path=path), file=sys.stderr)
    return root


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="keikaku", description="共生ビジョンの検査・出力 (plan-as-code)")
    parser.add_argument("--lang", choices=("ja", "en"), default="ja",
                        help="メッセージの言語 / message language")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="計画の数値と参照を検査する")
    check.add_argument("path", nargs="?", default=".",
                       help="計画のフォルダ、またはその中のファイル")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--strict", action="store_true",
                       help="未解決の警告（未記入など）もエラーとして扱う（理由を記録済みの警告は警告のまま）")
    check.add_argument("--no-cache", action="store_true",
                       help="前回の結果を使わずにすべて検査する")
    check.add_argument("--audit", action="store_true",
                       help="すべての数値とその分類（データから表示・照合済み・引用・外部の事実・未分類）を一覧にする")
    check.add_argument("--lang", choices=("ja", "en"), default=argparse.SUPPRESS)
    export = sub.add_parser("export", help="計画をオープンデータ (JSON / CSV) として出力する")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("--root", default=".", help="計画のフォルダ")
    export.add_argument("--output", "-o", help="出力先ファイル（省略時は標準出力）")
    export.add_argument("--draft", action="store_true",
                        help="未記入の箇所が残る作成中の計画も出力する（公開用には使わない）")
    export.add_argument("--lang", choices=("ja", "en"), default=argparse.SUPPRESS)
    report = sub.add_parser("report",
                            help="ある年度の成果指標の進捗（実績値・達成率・評価）を出力する")
    report.add_argument("--fiscal-year", type=int, required=True, help="年度（例: 2025）")
    report.add_argument("--format", choices=("md", "csv"), default="md")
    report.add_argument("--root", default=".", help="計画のフォルダ")
    report.add_argument("--output", "-o", help="出力先ファイル（省略時は標準出力）")
    report.add_argument("--lang", choices=("ja", "en"), default=argparse.SUPPRESS)
    diff = sub.add_parser("diff", help="２つの版の計画の違い（施策・事業費・成果指標・文章）を示す")
    diff.add_argument("base", nargs="?", help="基準の版（省略時は最新の published/ タグ）")
    diff.add_argument("head", nargs="?", help="比べる版（省略時は作業中のファイル）")
    diff.add_argument("--root", default=".", help="計画のフォルダ")
    diff.add_argument("--format", choices=("text", "json"), default="text")
    diff.add_argument("--lang", choices=("ja", "en"), default=argparse.SUPPRESS)
    new = sub.add_parser("new", help="新しい施策のファイルを作る")
    new.add_argument("id", help="施策の ID（英小文字とハイフン。例: new-measure）")
    new.add_argument("--name", required=True, help="施策名")
    new.add_argument("--direction",
                     help="施策展開の基本的方向の ID（方向のない計画では政策分野の ID。"
                          "計画に１つしかないときは省略できる）")
    new.add_argument("--budget", action="append", default=[], metavar="YEAR=AMOUNT",
                     help="年度ごとの事業費（例: --budget 2026=1200。年度ごとに繰り返す）")
    new.add_argument("--project", action="append", default=[], metavar="MUNICIPALITY=NAME",
                     help="事業名（例: --project kita=○○事業、共通の事業は common=…。繰り返せる）")
    new.add_argument("--kpi", help="成果指標の名称（省略時は成果指標なし）")
    new.add_argument("--root", default=".", help="計画のフォルダ")
    new.add_argument("--lang", choices=("ja", "en"), default=argparse.SUPPRESS)
    init = sub.add_parser("init", help="新しい計画のリポジトリを作る")
    init.add_argument("dir", help="作成先のフォルダ（まだないか空であること）")
    init.add_argument("--name", required=True,
                      help="計画の名称（例: 第１次○○定住自立圏共生ビジョン）")
    init.add_argument("--sphere", required=True, help="定住自立圏の名称")
    init.add_argument("--period", required=True, metavar="START-END",
                      help="計画期間（西暦の年度。例: 2026-2030）")
    init.add_argument("--municipality", action="append", default=[], metavar="ID=NAME",
                      help="圏域の市町村（例: --municipality kita=北市。表示順に繰り返す）")
    init.add_argument("--central", action="append", default=[], metavar="ID",
                      help="中心市の ID（複眼型の圏域では２回）")
    init.add_argument("--prefecture", action="append", default=[], metavar="ID=PREF",
                      help="市町村の都道府県（例: --prefecture kita=○○県）")
    init.add_argument("--lang", choices=("ja", "en"), default=argparse.SUPPRESS)
    synth = sub.add_parser("synth", help="ベンチマーク用の合成計画を作る（公開サイトには含めない）")
    synth.add_argument("count", type=int, help="施策の数")
    synth.add_argument("dest", help="出力先フォルダ（空であること）")
    synth.add_argument("--root", default=".", help="もとにする計画のフォルダ")
    synth.add_argument("--lang", choices=("ja", "en"), default=argparse.SUPPRESS)
    return parser


def _check(args: argparse.Namespace) -> int:
    from .check import load_plan
    from .report import json_report, text_report

    target = Path(args.path)
    root = plan_root(args.path, args.lang)
    if root is None:
        return EXIT_USAGE
    if args.audit:
        return _audit(args, root, target)
    from . import cache

    key = None if args.no_cache else cache.fingerprint(root)
    hit = cache.read(root, key) if key else None
    if hit is not None:
        problems, files, unchecked = hit
    else:
        result = load_plan(root)
        problems, files, unchecked = result.problems, result.files, result.unchecked
        if key:
            cache.write(root, key, problems, files, unchecked)
    if args.strict:
        problems = strict(problems)
    if target.resolve().is_file():
        rel = target.resolve().relative_to(root).as_posix()
        problems = [p for p in problems if p.file == rel]
    report = json_report if args.format == "json" else text_report
    print(report(problems, files, args.lang, unchecked))
    return EXIT_PROBLEMS if any(p.severity is Severity.ERROR for p in problems) else EXIT_OK


def _audit(args: argparse.Namespace, root: Path, target: Path) -> int:
    """``check --audit``: every number with its class, then the counts per class."""
    from .check import load_plan
    from .report import audit_report

    result = load_plan(root)
    problems = strict(result.problems) if args.strict else result.problems
    numbers = result.audit.numbers if result.audit else []
    if target.resolve().is_file():
        rel = target.resolve().relative_to(root).as_posix()
        numbers = [n for n in numbers if n.file == rel]
    print(audit_report(numbers, args.format, args.lang))
    return EXIT_PROBLEMS if any(p.severity is Severity.ERROR for p in problems) else EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from .check import load_plan
    from .export import to_csv, to_json_data
    from .report import text_report
    from .schemas import validator

    root = plan_root(args.root, args.lang)
    if root is None:
        return EXIT_USAGE
    result = load_plan(root)
    # Open data is published: a placeholder left (「未記入」) stops it as under --strict,
    # unless asked for a draft (a plan being started, to look at its data).
    problems = result.problems if args.draft else strict(result.problems)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors or result.plan is None:
        print(text_report(errors, result.files, args.lang, result.unchecked), file=sys.stderr)
        print(render("export-has-problems", args.lang, count=len(errors)), file=sys.stderr)
        return EXIT_PROBLEMS
    if args.format == "json":
        data = to_json_data(result.plan)
        errors = list(validator(root, "export").iter_errors(data))
        if errors:
            print(render("export-invalid", args.lang, detail=errors[0].message), file=sys.stderr)
            return EXIT_PROBLEMS
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = to_csv(result.plan)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    """``report --fiscal-year YEAR``: the year's KPI progress for the council."""
    from .check import load_plan
    from .progressreport import markdown, to_csv
    from .report import text_report

    root = plan_root(args.root, args.lang)
    if root is None:
        return EXIT_USAGE
    result = load_plan(root)
    if result.errors or result.plan is None:
        print(text_report(result.errors, result.files, args.lang, result.unchecked),
              file=sys.stderr)
        print(render("export-has-problems", args.lang, count=len(result.errors)),
              file=sys.stderr)
        return EXIT_PROBLEMS
    plan = result.plan
    if args.fiscal_year not in plan.fiscal_years:
        detail = render("report-bad-year", args.lang, year=args.fiscal_year,
                        start=plan.period_start, end=plan.period_end)
        print(render("cli-usage", args.lang, detail=detail), file=sys.stderr)
        return EXIT_USAGE
    text = (to_csv(plan, args.fiscal_year) if args.format == "csv"
            else markdown(plan, args.fiscal_year, args.lang))
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def plan_at(root: Path, revision: str | None, workdir: Path):
    """The plan at a git revision (None: the working tree), or a message key and params."""
    from .check import load_plan
    from .revisions import materialize

    plan_root = root if revision is None else materialize(root, revision, workdir)
    return load_plan(plan_root)


def _diff(args: argparse.Namespace) -> int:
    import tempfile

    from .diff import compare
    from .diffreport import json_report, text_report
    from .revisions import RevisionError, newest_published

    root = plan_root(args.root, args.lang)
    if root is None:
        return EXIT_USAGE
    try:
        base = args.base or newest_published(root)
        with tempfile.TemporaryDirectory() as tmp:
            results = {}
            for name, rev in (("base", base), ("head", args.head)):
                result = plan_at(root, rev, Path(tmp) / name)
                if result.plan is None or result.errors:
                    print(render("diff-unreadable", args.lang, revision=rev or ".",
                                 count=len(result.errors)), file=sys.stderr)
                    return EXIT_PROBLEMS
                results[name] = result
            head_name = args.head or render("diff-working-tree", args.lang)
            diff = compare(results["base"].plan, results["head"].plan, base, head_name,
                           results["head"].root)
    except RevisionError as exc:
        print(render("diff-no-base", args.lang, detail=exc), file=sys.stderr)
        return EXIT_USAGE
    print(json_report(diff) if args.format == "json" else text_report(diff, args.lang))
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    import re

    from .check import load_plan
    from .new import NewError, new_measure, parse_budget, parse_projects, place_of

    root = plan_root(args.root, args.lang)
    if root is None:
        return EXIT_USAGE
    result = load_plan(root)
    if result.plan is None:
        print(render("plan-unreadable", args.lang, path=root, count=len(result.errors)),
              file=sys.stderr)
        return EXIT_PROBLEMS
    plan = result.plan
    path = root / "measures" / f"{args.id}.md"
    if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", args.id):
        detail = render("new-bad-id", args.lang, id=args.id)
    elif path.exists():
        detail = render("new-exists", args.lang, path=path.relative_to(root).as_posix())
    else:
        try:
            place = place_of(plan, args.direction)
            budget = parse_budget(plan, args.budget)
            projects = parse_projects(plan, args.project)
        except NewError as exc:
            params = dict(exc.params)
            if "close" in params:  # a near id: 「…ではありませんか」
                close = params.pop("close")
                params["hint"] = render("did-you-mean", args.lang, name=close) if close else ""
            detail = render(exc.key, args.lang, **params)
        else:
            written = new_measure(plan, root, args.id, args.name, place, budget=budget,
                                  projects=projects, kpi=args.kpi)
            print(render("new-done", args.lang, path=written.relative_to(root).as_posix()))
            return EXIT_OK
    print(render("cli-usage", args.lang, detail=detail), file=sys.stderr)
    return EXIT_USAGE


def _init(args: argparse.Namespace) -> int:
    from .scaffold import InitError, check_destination, parse, write

    dest = Path(args.dir)
    try:
        plan = parse(args.name, args.sphere, args.period, args.municipality, args.central,
                     args.prefecture)
        check_destination(dest)
    except InitError as exc:
        print(render("cli-usage", args.lang, detail=render(exc.key, args.lang, **exc.params)),
              file=sys.stderr)
        return EXIT_USAGE
    written = write(plan, dest)
    print(render("init-done", args.lang, path=dest, count=len(written)))
    return EXIT_OK


def _synth(args: argparse.Namespace) -> int:
    from .synth import synthesize

    root = plan_root(args.root, args.lang)
    dest = Path(args.dest)
    if root is None:
        return EXIT_USAGE
    minimum = len(list((root / "measures").glob("*.md")))
    if args.count < max(minimum, 1) or (dest.exists() and any(dest.iterdir())):
        print(render("cli-usage", args.lang,
                     detail=render("synth-usage", args.lang, minimum=minimum)),
              file=sys.stderr)
        return EXIT_USAGE
    synthesize(root, args.count, dest)
    print(render("synth-done", args.lang, count=args.count, dest=dest))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    lang = "en" if "--lang=en" in argv or ("--lang" in argv and "en" in argv) else "ja"
    try:
        args = _parser().parse_args(argv)
    except UsageError as exc:
        print(render("cli-usage", lang, detail=exc), file=sys.stderr)
        return EXIT_USAGE
    try:
        commands = {"check": _check, "export": _export, "synth": _synth, "diff": _diff,
                    "new": _new, "report": _report, "init": _init}
        return commands[args.command](args)
    except KeyboardInterrupt:
        return EXIT_USAGE
    except Exception as exc:
        print(render("cli-internal", lang, detail=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
