"""Prose rules: every {value} reference resolves; every 和暦/西暦 pair and every
weekday beside a date agree. Scans the MyST pages, the measure files and the
text of the data files (not the errata, which quotes the draft as printed)."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from pathlib import Path

from ..eras import ERA_OFFSET, FULLWIDTH, WEEKDAYS, WEEKDAYS_EN, era_number, to_western
from ..model import Plan
from ..problems import Problem
from ..values import UnknownPath, resolve

VALUE_ROLE = re.compile(r"\{value\}`([^`]+)`")
ERA = r"(令和|平成|昭和|R|H|S)\s*(\d+|元)\s*年"
YEAR = r"(\d{4})\s*年"
WESTERN_THEN_ERA = re.compile(YEAR + r"度?\s*\(\s*" + ERA + r"度?\s*\)")
ERA_THEN_WESTERN = re.compile(ERA + r"度?\s*\(\s*" + YEAR + r"度?\s*\)")
ERA_DATE_WEEKDAY = re.compile(ERA + r"\s*(\d+)\s*月\s*(\d+)\s*日\s*\(\s*([月火水木金土日])\s*\)")
DATE_WEEKDAY = re.compile(YEAR + r"\s*(\d+)\s*月\s*(\d+)\s*日\s*\(\s*([月火水木金土日])\s*\)")

SKIP_DIRS = {"_build", ".nox", ".git", "node_modules", "cases"}


def files(root: Path) -> Iterator[Path]:
    """The text files whose prose is checked."""
    index = root / "index.md"
    if index.exists():
        yield index
    for base in ("docs", "measures"):
        for path in sorted((root / base).rglob("*")):
            if SKIP_DIRS & set(path.relative_to(root).parts):
                continue
            if path.suffix == ".md" or (path.suffix == ".yaml" and path.name in (
                    "plan.yaml", "structure.yaml")):
                yield path


def _eras(text: str, rel: str, line: int) -> Iterator[Problem]:
    norm = text.translate(FULLWIDTH)
    for m in WESTERN_THEN_ERA.finditer(norm):
        year, era, num = int(m.group(1)), m.group(2), era_number(m.group(3))
        yield from _pair(m.group(0), year, era, num, rel, line)
    for m in ERA_THEN_WESTERN.finditer(norm):
        era, num, year = m.group(1), era_number(m.group(2)), int(m.group(3))
        yield from _pair(m.group(0), year, era, num, rel, line)
    for regex, western in ((ERA_DATE_WEEKDAY, False), (DATE_WEEKDAY, True)):
        for m in regex.finditer(norm):
            if western:
                year, month, day, wd = (int(m.group(1)), int(m.group(2)), int(m.group(3)),
                                        m.group(4))
            else:
                year = to_western(m.group(1), era_number(m.group(2)))
                month, day, wd = int(m.group(3)), int(m.group(4)), m.group(5)
            try:
                date = dt.date(year, month, day)
            except ValueError:
                continue
            if WEEKDAYS[date.weekday()] != wd:
                yield Problem("keikaku.weekday", rel, line, "weekday-mismatch",
                              {"text": m.group(0), "date": date.isoformat(),
                               "expected": WEEKDAYS[date.weekday()],
                               "expected_en": WEEKDAYS_EN[date.weekday()]})


def _pair(text: str, year: int, era: str, num: int, rel: str, line: int) -> Iterator[Problem]:
    if to_western(era, num) != year:
        yield Problem("keikaku.era", rel, line, "era-mismatch",
                      {"text": text, "era": {"R": "令和", "H": "平成", "S": "昭和"}.get(era, era),
                       "era_year": num, "expected": ERA_OFFSET[era] + num})


def check_text(plan: Plan | None, text: str, rel: str, first_line: int = 1) -> list[Problem]:
    """Check one text; ``plan`` resolves {value} references (None: leave them)."""
    problems: list[Problem] = []
    if "年" not in text and "{value}" not in text:
        return problems
    for i, raw in enumerate(text.split("\n")):
        if "年" not in raw and "{value}" not in raw:
            continue
        line = first_line + i

        def substitute(m: re.Match[str], line: int = line) -> str:
            if plan is None:
                return m.group(0)
            try:
                return resolve(plan, m.group(1))
            except UnknownPath as exc:
                if plan.is_unreadable(m.group(1).partition(":")[0].strip()):
                    return m.group(0)  # the unreadable file's own problem is reported
                close = difflib.get_close_matches(exc.path.rsplit(".", 1)[-1], exc.known, n=1)
                problems.append(Problem("keikaku.value-path", rel, line, "value-path",
                                        {"path": m.group(1),
                                         "hint": {"name": close[0]} if close else None}))
                return m.group(0)

        problems.extend(_eras(VALUE_ROLE.sub(substitute, raw), rel, line))
    return problems


def check(plan: Plan, root: Path, texts: dict[str, tuple[str, int]] | None = None) -> list[Problem]:
    """Check every page and data text; ``texts`` maps a relative path to text already
    read (and its first line), so measure files are not read twice."""
    problems: list[Problem] = []
    texts = texts or {}
    for path in files(root):
        rel = path.relative_to(root).as_posix()
        if rel in texts:
            for text, first_line in texts[rel]:
                problems += check_text(plan, text, rel, first_line)
            continue
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # reported by the loader for data files; pages are Sphinx's
        problems += check_text(plan, text, rel)
    return problems
