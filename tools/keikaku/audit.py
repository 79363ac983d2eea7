"""The number audit: every number of the published text, and the class that vouches for it.

A *number* is a run of digits (half- or full-width) with its thousands separators and
decimals (``1,626`` / ``39.5`` / ``２``), as it stands in the prose of a page (index.md,
docs/**/*.md, a measure's body) or in a text of a data file (a string of the YAML: a
measure's name, a note, an errata reason, a comment and its answer). Not numbers:

- anything in code (fenced blocks, directive blocks, inline code, a role's target such
  as ``{value}`population.projection.sphere.2020.total` ``), link targets, HTML comments;
- digits joined to a Latin letter or ``_`` (identifiers: E02, WCAG2, published/2024), but
  not an era written with its initial (R10年, Ｈ27年: a year);
- the numbering of a heading (``## １ …``, ``### （２）…``, ``## 3. …``) and list markers;
- data fields that are not text (ids, links, dates of the data, units).

Each number falls in exactly one class (first that applies):

- **bound**: rendered from data by ``{value}`path` `` (the role is the number);
- **external**: a fact declared once, with its source, in docs/data/facts.yaml, rendered by
  ``{value}`facts.<name>` `` or written as declared (its value and unit, or its ``text``);
  and the numbers of a page region a program writes (``regions`` of facts.yaml);
- **quoted**: part of a text kept as printed in the source (``is_quote_field``) whose
  passage around the number (its line, sentence or clause) occurs in the archived
  source (``quoted_place``; a passage of little more than the number, on a line its
  errata entry names): changing the number makes it no quote;
- **checked**: typed beside a known quantity and compared with it (``pattern_claims``:
  card, opinion and section numbers, ordinals, era pairs, dates, years beside a role,
  budget years by what is said of them, derivations restated; ``Quantity``: KPI values,
  budgets, population targets of the text's measure or errata entry). A number is bound
  to the one quantity it states, not to any nearby value: a card number to the entry's
  card or the card holding the quote, a section of Ⅲ to the one whose prose the quote
  is, a derived figure (a rounding, a ratio) only where the text says so;
- **unclassified**: anything else (``keikaku.number-unclassified``).
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections.abc import Container, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from .archive import Archive
from .load import Document, Loader, Sources
from .model import UNDECIDED, Measure, Plan
from .numbers import ratio, round_to, to_decimal

CLASSES = ("bound", "external", "checked", "quoted", "unclassified")

DIGIT = "0-9０-９"
NUMBER = re.compile(
    rf"(?<![{DIGIT}.．])[{DIGIT}]+(?:[,，][{DIGIT}]{{3}})*(?:[.．][{DIGIT}]+)?(?![{DIGIT}])")
LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ_]")
# An era written with its initial (R10年, Ｈ27年) is a year, not an identifier.
ERA_INITIAL = "RHSＲＨＳ"
TO_ASCII = str.maketrans("０１２３４５６７８９，．", "0123456789,.")

# Spans of a line that are not prose: inline code, a role with its target, a link
# target, an HTML comment, a MyST target label.
CODE_OR_ROLE = re.compile(r"(?:\{([a-z-]+)\})?`[^`]*`")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
COMMENT = re.compile(r"<!--.*?-->")
LABEL = re.compile(r"^\s*\([^)]*\)=\s*$")
HEADING_NUMBER = re.compile(
    rf"^(#+\s+)(?:[（(][{DIGIT}]+[）)]|[{DIGIT}]+\.?(?=\s|$))")
LIST_MARKER = re.compile(rf"^(\s*)[{DIGIT}]+[.)](?=\s)")
# A value role: ``{value}`path[:format]```.
VALUE_ROLE = re.compile(r"\{value\}`([^`]+)`")

# Data fields that are not text: identifiers, links to other entries, dates and units.
NOT_TEXT = {"id", "measure", "direction", "field", "area", "rule", "kind", "unit",
            "start", "end", "signed", "date", "central_cities", "source_lines", "errata",
            "number", "page", "key", "mark"}


@dataclass
class Occurrence:
    """One number in the published text."""

    file: str
    line: int
    text: str  # as written ("1,626", "８４", or the role "{value}`path`")
    cls: str = "unclassified"
    against: str = ""  # what it is bound to or checked against, or the quote's field
    start: int = 0  # offset in the line (of the source text), for tests that change it
    keypath: tuple[object, ...] = ()  # the data field (empty for a page)
    context: str = field(default="", repr=False)  # the line (of the text) ``start`` is in

    def as_dict(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "number": self.text,
                "class": self.cls, "against": self.against}


@dataclass
class Text:
    """A piece of published text: a page line or a data string (split into lines)."""

    file: str
    first_line: int
    text: str
    keypath: tuple[object, ...] | None = None  # None: a page
    lines: list[int] = field(default_factory=list)  # file line of each line of text
    # spans of the text filled in from a constant of the code: (start, end, its name)
    constants: list[tuple[int, int, str]] = field(default_factory=list)


def is_quote_field(file: str, keypath: tuple[object, ...]) -> bool:
    """Whether a text is a quote of the printed source (kept exactly as printed), so that its
    numbers may be class *quoted*: the errata's ``printed[].text``, a comment's or
    opinion's 項目, 意見 and 考え方, and the texts transcribed from the draft
    (``is_transcribed_field``). A number of such a text is quoted only where its passage
    occurs in the archived source (``quoted_place``); otherwise a pattern may check it
    (施策カードN, 懇談会委員意見N) or it is unclassified."""
    if is_transcribed_field(file, keypath):
        return True
    if file == "docs/data/errata.yaml":
        return len(keypath) >= 4 and keypath[2] == "printed" and keypath[-1] == "text"
    if file == "docs/data/comments.yaml":
        return (len(keypath) == 3 and keypath[0] in ("public_comments", "council_opinions")
                and keypath[2] in ("item", "summary", "opinion", "response"))
    return False


# --- reading the texts ------------------------------------------------------------


def _node_lines(doc: Document) -> dict[tuple[object, ...], tuple[int, bool]]:
    """keypath -> (0-based line of the scalar in ``doc.text``, block style) of every string."""
    try:
        root = yaml.compose(doc.text, Loader=Loader)
    except yaml.YAMLError:
        return {}
    out: dict[tuple[object, ...], tuple[int, bool]] = {}

    def walk(node: Any, path: tuple[object, ...]) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, (*path, key.value))
        elif isinstance(node, yaml.SequenceNode):
            for i, value in enumerate(node.value):
                walk(value, (*path, i))
        elif isinstance(node, yaml.ScalarNode):
            out[path] = (node.start_mark.line, node.style in ("|", ">"))

    if root is not None:
        walk(root, ())
    return out


def data_texts(doc: Document) -> Iterator[Text]:
    """The text strings of a data document that contain a digit."""
    if not doc.ok:
        return
    lines = None
    cursor = 0  # strings are found in file order: a search from the last one is enough
    counted = (0, 0)  # (offset, newlines before it): lines are counted on from the last

    out: list[Text] = []

    # a plain recursion into a list: nested generators cost a step per level per value
    def walk(value: Any, path: tuple[object, ...]) -> None:
        nonlocal lines
        if isinstance(value, dict):
            for k, v in value.items():
                if not (isinstance(v, str) and str(k) in NOT_TEXT):
                    walk(v, (*path, k if isinstance(k, int) else str(k)))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, (*path, i))
        elif isinstance(value, str) and NUMBER.search(value):
            nonlocal cursor, counted
            parts = value.split("\n")
            pos = doc.text.find(parts[0], cursor) if parts[0] else -1
            if pos >= 0 and all(doc.text.find(p, pos) >= 0 for p in parts[1:2]):
                cursor = pos + len(parts[0])
                # pos only grows (each search starts after the last string found), so
                # counting from the last offset is the count from the start
                counted = (pos, counted[1] + doc.text.count("\n", counted[0], pos))
                first = doc.line_offset + counted[1] + 1
                out.append(Text(doc.rel, first, value, path,
                                [first + i for i in range(len(parts))]))
                return
            if lines is None:  # written otherwise (escapes, folded): compose the YAML
                lines = _node_lines(doc)
            node_line, block = lines.get(path, (0, False))
            first = doc.line_offset + node_line + 1 + (1 if block else 0)
            out.append(Text(doc.rel, first, value, path,
                            [first + i if block else first for i in range(len(parts))]))

    walk(doc.data, ())
    yield from out


def page_lines(text: str) -> Iterator[tuple[int, str]]:
    """(1-based line, prose of the line) for a MyST text: code and directive blocks are
    left out, and on each line the spans that are not prose are blanked (kept as
    spaces, so offsets stay those of the file; value roles are kept)."""
    fence: str | None = None
    for i, line in enumerate(text.split("\n"), 1):
        stripped = line.lstrip()
        if fence is not None:
            if stripped.startswith(fence) and stripped.strip() == fence:
                fence = None
            continue
        m = re.match(r"(`{3,}|:{3,})", stripped)
        if m:
            fence = m.group(1)
            continue
        if LABEL.match(line):
            continue
        yield i, blank_markup(line)


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def blank_markup(line: str) -> str:
    """The line with what is not prose replaced by spaces (value roles kept)."""
    line = COMMENT.sub(_blank, line)
    line = CODE_OR_ROLE.sub(lambda m: m.group(0) if m.group(1) == "value" else _blank(m), line)
    line = LINK_TARGET.sub(lambda m: "]" + " " * (len(m.group(0)) - 1), line)
    line = HEADING_NUMBER.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))),
                              line)
    line = LIST_MARKER.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))),
                           line)
    return line


# --- finding ----------------------------------------------------------------------


def numbers_in(line: str) -> Iterator[tuple[int, str, str | None]]:
    """(offset, text, value spec or None) of each number and value role of a line."""
    roles = [(m.start(), m.end(), m.group(1)) for m in VALUE_ROLE.finditer(line)]
    for start, end, spec in roles:
        yield start, line[start:end], spec
    for m in NUMBER.finditer(line):
        if any(s <= m.start() < e for s, e, _ in roles):
            continue
        before = line[m.start() - 1] if m.start() else ""
        after = line[m.end()] if m.end() < len(line) else ""
        if LATIN.match(after) or (LATIN.match(before) and not (
                before in ERA_INITIAL and after == "年")) or (
                before == "-" and m.start() > 1 and LATIN.match(line[m.start() - 2])):
            continue  # an identifier (E02, WCAG2, SHA-256, published/2024)
        yield m.start(), m.group(0), None


def _fields(file: str, keypath: tuple[object, ...]) -> str:
    return ".".join(str(k) for k in keypath)


def is_transcribed_field(file: str, keypath: tuple[object, ...]) -> bool:
    """Texts of the plan transcribed as printed in the draft (names, 協定の内容, a measure's
    取組内容・事業効果・役割分担, table titles and notes, the comparison table): quotes of
    the source like the errata's and the comments'."""
    last = keypath[-1] if keypath else None
    if file.startswith("measures/"):
        return keypath[:1] == ("body",) or keypath in (("name",),) or (
            len(keypath) == 3 and keypath[0] == "kpis" and last in ("name", "target_reason")) or (
            keypath[:1] == ("projects",))
    if file == "docs/data/structure.yaml":
        return True  # names and 協定の内容, as printed
    if file == "docs/data/population.yaml":
        return last in ("title", "note")
    if file == "docs/data/plan.yaml":
        return keypath in (("name",), ("sphere",), ("budget_note",)) or last == "name"
    if file == "docs/data/comparison.yaml":
        return True  # the table and 【加除、変更内容】 as printed
    return False


def quote_field(file: str, keypath: tuple[object, ...] | None) -> bool:
    return keypath is not None and is_quote_field(file, keypath)


# --- what a number can be checked against -----------------------------------------


@dataclass(frozen=True)
class Quantity:
    """A known quantity that a number written in a context may state."""

    value: Decimal
    unit: str | None  # the unit the number must be followed by (None: any)
    label: str
    # A quantity derived from others (a rounding, a ratio) is stated only where the text
    # says so: ``cue`` must stand just before the number (四捨五入すると85％), or the number
    # must be written with decimals (84.56％). A figure changed into such a value (84 → 85)
    # is then no statement of it.
    cue: str | None = None
    decimals: bool = False


UNIT_NORM = str.maketrans("％", "%")


def _matches(text: str, after: str, q: Quantity) -> bool:
    if q.unit and not after.lstrip().translate(UNIT_NORM).startswith(q.unit.translate(UNIT_NORM)):
        return False
    plain = text.translate(TO_ASCII).replace(",", "")
    if q.decimals and "." not in plain:
        return False
    written = Decimal(plain)
    digits = len(plain.partition(".")[2])
    return round_to(q.value, digits) == written


def _about(text: str, after: str, before: str, q: Quantity) -> bool:
    """``約242,000千円``: a round number after 約 states a quantity to its last nonzero digit."""
    plain = text.translate(TO_ASCII).replace(",", "")
    if not before.rstrip().endswith("約") or "." in plain or not plain.endswith("0"):
        return False
    zeros = len(plain) - len(plain.rstrip("0"))
    if q.unit and not after.lstrip().translate(UNIT_NORM).startswith(q.unit.translate(UNIT_NORM)):
        return False
    return round_to(q.value, -zeros) == Decimal(plain)


NAMED = {"現状値": (".baseline.value", ".baseline.fiscal_year"),
         "目標値": (".target.value", ".target.fiscal_year", "targets.")}


def _named(before: str, q: Quantity) -> bool:
    """A number written right after 現状値 or 目標値 states that value, not another."""
    before = before.rstrip("（(： ")
    for word, parts in NAMED.items():
        if before.endswith(word):
            return any(p in q.label for p in parts)
    return True


CUE_SPAN = 12  # characters before a number that its cue may stand in


def _cued(before: str, q: Quantity) -> bool:
    return q.cue is None or q.cue in before[-CUE_SPAN:]


def _q(value: Any, unit: str | None, label: str, cue: str | None = None,
       decimals: bool = False) -> Quantity:
    return Quantity(to_decimal(value), unit, label, cue, decimals)


def measure_quantities(plan: Plan, m: Measure) -> list[Quantity]:
    """The quantities of a measure: its KPIs (values, years, derivations, how far a target
    falls below its baseline) and budget (computed once per measure and plan)."""
    cache = _MEASURE_QUANTITIES.setdefault(id(plan), {})
    if m.id not in cache:
        cache[m.id] = _measure_quantities(plan, m)
    return cache[m.id]


_MEASURE_QUANTITIES: dict[int, dict[str, list[Quantity]]] = {}
_CARDS: dict[int, dict[int, Measure]] = {}  # display number -> measure, per plan


def _measure_quantities(plan: Plan, m: Measure) -> list[Quantity]:
    out = []
    for i, k in enumerate(m.kpis):
        base = f"measures.{m.id}.kpis.{i}"
        for which in ("baseline", "target"):
            v = getattr(k, which)
            out += [_q(v.value, k.unit, f"{base}.{which}.value"),
                    _q(v.fiscal_year, "年", f"{base}.{which}.fiscal_year")]
            d = v.derivation
            if d is None:
                continue
            for part in ("numerator", "denominator"):
                for j, c in enumerate(getattr(d, part)):
                    out.append(_q(c.value, d.unit, f"{base}.{which}.derivation.{part}.{j}"))
                out.append(_q(getattr(d, f"{part}_total"), d.unit,
                              f"{base}.{which}.derivation.{part} (合計)"))
            exact = ratio(d.numerator_total, d.denominator_total, d.scale)
            out += [_q(exact, "%", f"{base}.{which}.derivation (比)", decimals=True),
                    _q(round_to(exact, d.rounding_digits), "%",
                       f"{base}.{which}.derivation (四捨五入)",
                       cue="四捨五入")]
        b, t = to_decimal(k.baseline.value), to_decimal(k.target.value)
        if b:
            out.append(_q(abs(b - t) / abs(b) * 100, "%", f"{base} (現状値との差)"))
            out.append(_q(t / b, "倍", f"{base} (目標値/現状値)"))
        for v in (k.baseline, k.target):
            if v.derivation is not None:
                out.append(_q(len(v.derivation.numerator), "事業", f"{base} (算出方法の項目数)"))
    # A budget year is not matched by value (any year of the period would do): the
    # patterns of pattern_claims bind it (its amount, 以降, 突出).
    for year, amount in m.budget.items():
        if amount is not None:  # None: 未定
            out.append(_q(amount, plan.budget_unit, f"measures.{m.id}.budget.{year}"))
    nonzero = sorted(a for a in m.budget.values() if a)
    if nonzero:
        mid = to_decimal(statistics.median(nonzero))
        out += [_q(to_decimal(a) / mid, "倍", f"measures.{m.id}.budget.{y} (中央値との比)")
                for y, a in m.budget.items() if a]
    return out


def population_quantities(plan: Plan) -> list[Quantity]:
    """The population targets and the sphere's figures of the tables in the target years."""
    pop = plan.population
    if pop is None:
        return []
    out = []
    for t in pop.targets:
        out += [_q(t.year, "年", f"population.targets.{t.year}"),
                _q(t.population, "人", f"population.targets.{t.year}.population"),
                _q(t.aging_rate, "%", f"population.targets.{t.year}.aging_rate")]
        for table in (pop.projection, pop.prospect):
            cell = table.rows.get("sphere", {}).get(t.year)
            if not cell:
                continue
            name = f"population.{table.key}.sphere.{t.year}"
            rate = ratio(cell["age_65_plus"], cell["total"])
            out += [_q(cell["age_65_plus"], "人", f"{name}.age_65_plus"),
                    _q(cell["total"], "人", f"{name}.total"),
                    _q(rate, "%", f"{name}.aging_rate"),
                    _q(abs(round_to(rate, 2) - to_decimal(t.aging_rate)), "ポイント",
                       f"{name}.aging_rate − population.targets.{t.year}.aging_rate")]
    return out


def plan_quantities(plan: Plan) -> list[Quantity]:
    """Years every text may name: the plan's period and its base and target years."""
    return [_q(plan.period_start, "年", "plan.period.start"),
            _q(plan.period_end, "年", "plan.period.end"),
            _q(plan.base_year, "年", "plan.base_year"),
            _q(plan.target_year, "年", "plan.target_year")]


# --- checked by pattern -----------------------------------------------------------

_N = r"(\d+)"
CARD_LIST = re.compile(r"施策(?:カード)?(\d+(?:・\d+)*)(?:\s*[〜～]\s*(\d+))?")
BUDGET_OF = re.compile(r"(\d{4}(?:\s*・\s*\d{4})*)年度の事業費(?:[（(]|は)([\d,]+)千円")
# 2026年度以降（502千円）: the first year of the run of equal amounts that ends the period.
SINCE = re.compile(r"(\d{4})年度以降(?:[（(]([\d,]+)千円)?")
# 2024・2025年度の突出: the years the budget-outlier rule finds.
OUTLIER_OF = re.compile(r"(\d{4}(?:\s*・\s*\d{4})*)年度の突出")
PAGE = re.compile(r"(\d+)ページ")
OPINION = re.compile(r"(懇談会委員意見|パブリックコメント(?:番号)?)\s*(\d+(?:\s*・\s*\d+)*)")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
GENERIC = {"本文", "の表", "の節見出し"}  # a part of a section, named by what it is
OPINION_QUOTED = re.compile(r"(懇談会委員意見|パブリックコメント(?:番号)?)\s*(\d+)")
CARD_NAME = re.compile(r"施策(?:カード)?(\d+)\s*[（(]([^）)]+)[）)]")
YEAR_LIST = re.compile(r"(\d{4})((?:\s*・\s*\d{4})+)年")
YEAR_RANGE = re.compile(r"(\d{4})\s*[〜～]\s*(\d{4})")
ERA_INITIAL_YEAR = re.compile(r"(R|H|S)(\d+)年")
TOWNS = re.compile(r"(\d+)市(\d+)町")
AREA = re.compile(r"([ⅢⅣ])(\d+)(?![\d（(])")
ERA_YEAR = re.compile(r"(令和|平成|昭和)(\d+|元)年")
ORDINAL = re.compile(r"第" + _N + r"次")
SECTION = re.compile(r"([ⅢⅣ])" + _N + r"\s*[（(]" + _N + r"[）)]\s*([^\s（(・の]*)")
AGES = re.compile(_N + r"\s*～\s*" + _N + r"歳|" + _N + r"歳以上")
YEAR_BESIDE = re.compile(r"(\d{4})年")
RESTATED = r"(\d[\d,]*)\s*{u}\s*[/／]\s*(\d[\d,]*)\s*{u}(?:\s*[≒＝=]\s*(\d+(?:\.\d+)?)\s*[%％])?"
DIGITS_NORM = str.maketrans("０１２３４５６７８９（）ＲＨＳ", "0123456789()RHS")


@dataclass
class Context:
    """What the numbers of one text are compared with."""

    plan: Plan
    measure: Measure | None = None
    quantities: list[Quantity] = field(default_factory=list)
    quoted_text: str | None = None  # the printed text an errata ``where`` locates
    era_checked: bool = True  # the era rule reads this text
    restates: tuple[Measure, int, str] | None = None  # (measure, kpi, which)
    kin: set[int] = field(default_factory=set)  # numbers of the same-kind errata's measures
    lazy: Measure | None = None  # a measure whose quantities join ``quantities`` when needed

    def all_quantities(self) -> list[Quantity]:
        if self.lazy is None:
            return self.quantities
        return self.quantities + measure_quantities(self.plan, self.lazy)
    opinions: set[tuple[str, int]] | None = None  # comments the errata entry (or kind) quotes
    cards: set[int] = field(default_factory=set)  # cards the errata entry quotes
    entry_texts: list[str] | None = None  # the printed texts of the errata entry (None: none)
    hints: frozenset[int] = frozenset()  # lines of the archive the entry says it quotes
    itself: str | None = None  # the value path of the text itself (plan.name)
    quote_line: int | None = None  # the line of the source a quote says it stands on


QUOTED_SENTENCE = 10  # characters of a sentence that show which comment a line quotes


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _comment(plan: Plan, kind: str, number: int) -> dict[str, Any] | None:
    if plan.comments is None:
        return None
    key = "council_opinions" if kind.startswith("懇談会") else "public_comments"
    return next((c for c in plan.comments[key] if c["number"] == number), None)


def _section_titles(root: Path, plan: Plan) -> dict[tuple[int, int], list[str]]:
    """(section, subsection) of Ⅲ (docs/vision/03-present.md) -> the names a reference
    may give it: its heading, and the areas whose table of directions it shows."""
    out: dict[tuple[int, int], list[str]] = {}
    path = root / "docs" / "vision" / "03-present.md"
    if not path.exists():
        return out
    areas = {a.id: a.name for a in plan.areas}
    section, key = 0, (0, 0)
    for line in path.read_text(encoding="utf-8").translate(DIGITS_NORM).split("\n"):
        if m := re.match(r"##\s+(\d+)\s", line):
            section = int(m.group(1))
        elif m := re.match(r"###\s+\((\d+)\)(.*)", line):
            key = (section, int(m.group(1)))
            out[key] = [m.group(2).strip()]
        elif (m := re.match(r"```\{directions-table\}\s+(\S+)", line)) and key in out:
            out[key].append(areas.get(m.group(1), m.group(1)))
    return out


class _AnyOf:
    """Membership in any of several collections, without building their union."""

    def __init__(self, *parts: Container[int]) -> None:
        self.parts = parts

    def __contains__(self, item: object) -> bool:
        return any(item in part for part in self.parts)


def pattern_claims(norm: str, ctx: Context, root: Path) -> list[tuple[int, int, str]]:
    """Spans of numbers that a pattern compares with the data: (start, end, against)."""
    plan = ctx.plan
    out: list[tuple[int, int, str]] = []
    numbers = _CARDS.get(id(plan)) or _CARDS.setdefault(
        id(plan), {m.number: m for m in plan.measures})
    subjects: Container[int] = ()
    if ctx.quoted_text is not None:  # the entry's card, or the one that holds the quote
        subjects = {ctx.measure.number} if ctx.measure else set()
    elif ctx.entry_texts is not None:  # an errata text: the entry's card and those it quotes
        subjects = ({ctx.measure.number} if ctx.measure else set()) | ctx.cards
        if not subjects:
            subjects = set(ctx.kin)  # the measures of the errata entries of the same kind
    elif ctx.measure:
        subjects = {ctx.measure.number} | ctx.kin
    else:  # every card (not copied for each line: a plan may have thousands)
        subjects = _AnyOf(numbers, ctx.kin)
    for m in CARD_LIST.finditer(norm):
        if norm[m.end():].lstrip().startswith("("):
            continue  # 施策カードN（name）: the name decides (below)
        listed = [(n.start() + m.start(1), n.end() + m.start(1), int(n.group(0)))
                  for n in re.finditer(r"\d+", m.group(1))]
        if m.group(2):  # a range: the cards after this one, to the last
            last = int(m.group(2))
            first = listed[0][2]
            if first in numbers and last == max(numbers, default=0) and (
                    ctx.measure is None or first == ctx.measure.number + 1):
                out += [(listed[0][0], listed[0][1], "施策カードの番号"),
                        (m.start(2), m.end(2), "counts.measures")]
            continue
        # the same-kind entries' cards, listed with the entry's own (施策カード26・27)
        kin = ctx.kin if any(n in subjects for *_, n in listed) else set()
        for start, end, n in listed:
            held = ctx.quoted_text is not None and n in numbers and _holds(
                numbers[n], ctx.quoted_text)
            # a quote's own card: the entry's, or the one holding it (not another it quotes)
            quoted = ctx.cards if ctx.quoted_text is None else set()
            if (n in subjects or n in kin or held or n in quoted) and [
                    x[2] for x in listed].count(n) == 1:
                out.append((start, end, f"measures.{numbers[n].id}.number"))
    for m in OPINION.finditer(norm):
        listed = [int(x) for x in re.findall(r"\d+", m.group(2))]
        for n in re.finditer(r"\d+", m.group(2)):
            entry = _comment(plan, m.group(1), int(n.group(0)))
            if entry is None or listed.count(int(n.group(0))) > 1:
                continue
            kind = "council_opinions" if m.group(1).startswith("懇談会") else "public_comments"
            if ctx.quoted_text is not None:  # the quote must be in that opinion
                texts = _norm(" ".join(str(entry.get(k, "")) for k in (
                    "item", "summary", "opinion", "response")))
                ok = _norm(ctx.quoted_text) in texts
            elif ctx.opinions is not None:  # one the errata entry (or its kind) quotes
                ok = (kind, entry["number"]) in ctx.opinions
            elif ctx.restates is not None:  # the answer that restates this derivation
                mm, i, which = ctx.restates
                ok = entry.get("measure") == mm.id and entry.get("restates") == (
                    f"kpis.{i}.{which}")
            else:
                ok = ctx.measure is None or entry.get("measure") == ctx.measure.id
                if ok and ctx.measure is not None and sum(
                        c.get("measure") == ctx.measure.id for c in plan.comments[kind]) > 1:
                    # one of the measure's several comments: the one the line quotes
                    texts = _norm(" ".join(str(entry.get(k, "")) for k in (
                        "item", "summary", "opinion", "response")).translate(DIGITS_NORM))
                    ok = any(len(x) >= QUOTED_SENTENCE and x in texts
                             for x in _norm(norm).split("。"))
            if ok:
                out.append((m.start(2) + n.start(), m.start(2) + n.end(),
                            f"{m.group(1)} {n.group(0)}"))
    if ctx.opinions:  # the draft's page of a comment the errata entry quotes
        pages = {c["page"] for kind, n in ctx.opinions if kind == "public_comments"
                 and (c := _comment(plan, "パブリックコメント", n)) and "page" in c}
        out += [(m.start(1), m.end(1), "public_comments.page") for m in PAGE.finditer(norm)
                if int(m.group(1)) in pages]
    for m in CARD_NAME.finditer(norm):
        card = numbers.get(int(m.group(1)))
        if card is not None and m.group(2) in (
                str(x).translate(DIGITS_NORM) for x in (card.name, card.printed.get("name"))):
            out.append((m.start(1), m.end(1), f"measures.{card.id}.name"))
            out.append((m.start(2), m.end(2), f"measures.{card.id}.name"))
    for m in TOWNS.finditer(norm):
        names = [x.name for x in plan.municipalities]
        if (int(m.group(1)), int(m.group(2))) == (sum(n.endswith("市") for n in names),
                                                  sum(n.endswith("町") for n in names)):
            out += [(m.start(1), m.end(1), "plan.municipalities (市)"),
                    (m.start(2), m.end(2), "plan.municipalities (町)")]
    for m in AREA.finditer(norm):
        a = int(m.group(2))
        area = next((x for x in plan.areas if x.index == a), None)
        ok = area is not None if m.group(1) == "Ⅳ" else a in {
            k[0] for k in _section_titles(root, plan)}
        if ok and area is not None and m.group(1) == "Ⅳ" and ctx.quoted_text is not None:
            # a quote of that section: it names the area or one of its fields
            ok = any(n in ctx.quoted_text for n in [area.name, *(f.name for f in area.fields)])
        if ok and m.group(1) == "Ⅲ" and _quotes(ctx):  # the section whose prose it quotes
            ok = any(key[0] == a for key in _quoted_sections(root, _quotes(ctx)))
        if ok:
            out.append((m.start(2), m.end(2), f"{m.group(1)}{a}"))
    out += _years_beside(norm, plan)
    # the text's measure, or (a page) one the line names
    named = [ctx.measure] if ctx.measure is not None else [
        x for x in plan.measures if x.name in norm] if BUDGET_OF.search(norm) else []
    for measure in named[:1]:
        out += _budget_years(norm, measure)
        for m in BUDGET_OF.finditer(norm):  # 2025年度の事業費（796,530千円）: that year's amount
            years = [int(y) for y in re.findall(r"\d{4}", m.group(1))]
            amount = int(m.group(2).replace(",", ""))
            ok = all(measure.budget.get(y) == amount for y in years) and len(
                set(years)) == len(years)
            what = f"measures.{measure.id}.budget" if ok else ""  # "": stated wrongly
            out += [(m.start(1) + n.start(), m.start(1) + n.end(), what)
                    for n in re.finditer(r"\d{4}", m.group(1))]
            out.append((m.start(2), m.end(2), what))
    known = _known_years(plan)
    for m in YEAR_LIST.finditer(norm):
        years = [m.group(1), *re.findall(r"\d{4}", m.group(2))]
        if ctx.measure is not None:  # a measure's years listed together share their budget
            budget = ctx.measure.budget
            ok = all(int(y) in budget for y in years) and len(
                {budget[int(y)] for y in years}) == 1
        else:
            ok = all(int(y) in known for y in years)
        ok = ok and len(set(years)) == len(years)
        if ok:
            for n in re.finditer(r"\d{4}", m.group(0)):
                out.append((m.start() + n.start(), m.start() + n.end(), "年度（一覧）"))
    for m in YEAR_RANGE.finditer(norm):
        if (int(m.group(1)), int(m.group(2))) == (plan.period_start, plan.period_end):
            out += [(m.start(1), m.end(1), "plan.period.start"),
                    (m.start(2), m.end(2), "plan.period.end")]
    from .eras import ERA_OFFSET, era_number

    census = {y for t in ((plan.population.projection, plan.population.prospect)
                          if plan.population else ()) for y in t.years}
    for m in ERA_INITIAL_YEAR.finditer(norm):  # （H27年度）: a year of the population tables
        year = ERA_OFFSET[m.group(1)] + era_number(m.group(2))
        if year in census:
            out.append((m.start(2), m.end(2), f"population の年（{year}）"))
    ordinals = {}
    for label, name in (("plan.name", plan.name),
                        ("comparison.previous_vision",
                         (plan.comparison or {}).get("previous_vision", ""))):
        if om := ORDINAL.search(name.translate(DIGITS_NORM)):
            ordinals[int(om.group(1))] = label
    this = ORDINAL.search(plan.name.translate(DIGITS_NORM))
    for m in ORDINAL.finditer(norm):
        label = ordinals.get(int(m.group(1)))
        if ctx.itself == "comparison.previous_vision" and this is not None:
            # the previous vision is the one before this plan
            out.append((m.start(1), m.end(1), "plan.name (前の次)"
                        if int(m.group(1)) == int(this.group(1)) - 1 else ""))
            continue
        if label == ctx.itself:
            continue  # the name that defines the ordinal does not check itself
        if label and ctx.quoted_text is not None and "比較表" in norm:
            # a quote of the comparison table: a row of that vision's column
            rows = (plan.comparison or {}).get("rows", [])
            if label == "plan.name":
                cells = {f"{r.get('printed_number')} {r.get('printed_name')}" for r in rows}
            else:
                cells = {f"{r['previous']['number']} {r['previous']['name']}"
                         for r in rows if r.get("previous")}
            label = label if _norm(ctx.quoted_text) in {_norm(c) for c in cells} else None
        if label:
            out.append((m.start(1), m.end(1), label))
    titles = None
    for m in SECTION.finditer(norm):
        a, b, name = int(m.group(2)), int(m.group(3)), m.group(4)
        if m.group(1) == "Ⅳ":
            area = next((x for x in plan.areas if x.index == a), None)
            fld = next((f for f in area.fields if f.index == b), None) if area else None
            names = [fld.name] if fld else None
            if fld and name and name[0] in CIRCLED:  # Ⅳ１（２）① name: a direction
                direction = next((d for d in fld.directions
                                  if d.index == CIRCLED.index(name[0]) + 1), None)
                rest = norm[m.end():].lstrip()
                names = None if direction is None or not rest.startswith(
                    direction.name[:4]) else names
        else:
            titles = _section_titles(root, plan) if titles is None else titles
            names = titles.get((a, b))
        if names is not None and name in GENERIC and m.group(1) == "Ⅲ" and _quotes(ctx):
            # 「Ⅲ２（１）本文」 named by what it is: the subsection whose prose it quotes
            names = names if (a, b) in _quoted_sections(root, _quotes(ctx)) else None
        if names is not None and (not name or name[0] in CIRCLED or name in GENERIC
                                  or any(t.startswith(name) or name.startswith(t)
                                         for t in names)):
            title = names[0]
            out += [(m.start(2), m.end(2), f"{m.group(1)}{a}（{b}）{title}"),
                    (m.start(3), m.end(3), f"{m.group(1)}{a}（{b}）{title}")]
    bounds = {(0, 14), (15, 64)}
    for m in AGES.finditer(norm):
        if m.group(3):
            if m.group(3) == "65":
                out.append((m.start(3), m.end(3), "population age_65_plus"))
        elif (int(m.group(1)), int(m.group(2))) in bounds:
            out += [(m.start(1), m.end(1), "population age group"),
                    (m.start(2), m.end(2), "population age group")]
    if ctx.era_checked:
        from .rules.prose import (
            DATE_WEEKDAY,
            ERA_DATE_WEEKDAY,
            ERA_THEN_WESTERN,
            WESTERN_THEN_ERA,
        )

        for regex, what in ((WESTERN_THEN_ERA, "keikaku.era"), (ERA_THEN_WESTERN, "keikaku.era"),
                            (ERA_DATE_WEEKDAY, "keikaku.weekday"),
                            (DATE_WEEKDAY, "keikaku.weekday")):
            for m in regex.finditer(norm):
                for g in range(1, (m.lastindex or 0) + 1):
                    if m.group(g) and m.group(g).isdigit():
                        out.append((m.start(g), m.end(g), what))
    return out


def _budget_years(norm: str, m: Measure) -> list[tuple[int, int, str]]:
    """Budget years bound by what the text says of them: ``2026年度以降（502千円）`` is the
    first year of the run of equal amounts that ends the period (and that amount);
    ``2024・2025年度の突出`` names the years over OUTLIER_FACTOR x the median. A year
    said otherwise is marked wrong ("")."""
    from .rules.budget import OUTLIER_FACTOR

    budget = m.budget
    years = sorted(budget)
    out: list[tuple[int, int, str]] = []
    for s in SINCE.finditer(norm):
        y = int(s.group(1))
        amount = budget.get(y)  # None where the year is 未定 (null) or not in the budget
        ok = y in budget and all(budget[x] == amount for x in years if x >= y) and (
            y - 1 not in budget or budget[y - 1] != amount) and (
            s.group(2) is None or int(s.group(2).replace(",", "")) == amount)
        what = f"measures.{m.id}.budget.{y} (以降)" if ok else ""
        out.append((s.start(1), s.end(1), what))
        if s.group(2):
            out.append((s.start(2), s.end(2), what))
    nonzero = [a for a in budget.values() if a]
    mid = statistics.median(nonzero) if nonzero else 0
    outliers = {y for y, a in budget.items() if a and a > OUTLIER_FACTOR * mid}
    for s in OUTLIER_OF.finditer(norm):
        found = [(n.start(), n.end(), int(n.group(0)))
                 for n in re.finditer(r"\d{4}", s.group(1))]
        ok = all(y in outliers for *_, y in found) and len({y for *_, y in found}) == len(found)
        what = f"measures.{m.id}.budget (突出)" if ok else ""
        out += [(s.start(1) + a, s.start(1) + b, what) for a, b, _ in found]
    return out


def _quotes(ctx: Context) -> list[str]:
    """The printed texts a reference in an errata text locates: its own quote, or else
    the entry's."""
    if ctx.quoted_text is not None:
        return [ctx.quoted_text]
    return ctx.entry_texts or []


_SECTION_PROSE: dict[str, dict[tuple[int, int], set[str]]] = {}  # by the page's text
GRAM = 3


def _grams(text: str) -> set[str]:
    """The 3-grams of a text without spaces, digits and value roles (a page writes a
    role where the printed text has the figure)."""
    text = re.sub(rf"[\s{DIGIT},，.．]", "", VALUE_ROLE.sub("", text))
    return {text[i:i + GRAM] for i in range(len(text) - GRAM + 1)}


def _quoted_sections(root: Path, quotes: list[str]) -> set[tuple[int, int]]:
    """The subsections (section, subsection) of Ⅲ (docs/vision/03-present.md) whose prose
    shares the most 3-grams with each quote (at least half of the quote's)."""
    path = root / "docs" / "vision" / "03-present.md"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    prose = _SECTION_PROSE.get(text)
    if prose is None:
        if len(_SECTION_PROSE) > 8:
            _SECTION_PROSE.clear()
        prose = _SECTION_PROSE[text] = {}
        key = (0, 0)
        parts: dict[tuple[int, int], list[str]] = {}
        raw = text.split("\n")
        for i, line in page_lines(text):
            heading = raw[i - 1].translate(DIGITS_NORM)
            if m := re.match(r"##\s+(\d+)\s", heading):
                key = (int(m.group(1)), 0)
            elif m := re.match(r"###\s+\((\d+)\)", heading):
                key = (key[0], int(m.group(1)))
            else:
                parts.setdefault(key, []).append(line)
        prose.update((k, _grams("".join(v))) for k, v in parts.items())
    out = set()
    for quote in quotes:
        grams = _grams(quote)
        if not grams:
            continue
        best = max(prose, key=lambda k: len(grams & prose[k]), default=None)
        if best is not None and 2 * len(grams & prose[best]) >= len(grams):
            out.add(best)
    return out


def _known_years(plan: Plan) -> dict[int, str]:
    """Years the data names: the plan's, the population tables' and targets'."""
    years = {plan.period_start: "plan.period.start", plan.period_end: "plan.period.end",
             plan.base_year: "plan.base_year", plan.target_year: "plan.target_year"}
    for y in plan.fiscal_years:
        years.setdefault(y, "plan の年度")
    if plan.population is not None:
        for table in (plan.population.projection, plan.population.prospect):
            for y in table.years:
                years.setdefault(y, f"population.{table.key} の年")
        for t in plan.population.targets:
            years.setdefault(t.year, f"population.targets.{t.year}")
    return years


def _years_beside(norm: str, plan: Plan) -> list[tuple[int, int, str]]:
    """A year written beside a value role that names it: in the role's path
    (``2020年の{value}`population.projection.sphere.2020.share.age_0_14` ``) or as its
    value (``{value}`plan.period.end`年度（令和10年度）``)."""
    from .eras import ERA_OFFSET, era_number
    from .values import YEAR_KEYS, lookup

    years: dict[int, str] = {}
    for m in VALUE_ROLE.finditer(norm):
        path = m.group(1).partition(":")[0].strip()
        for part in path.split("."):
            if part.isdigit() and len(part) == 4:
                years.setdefault(int(part), path)
        if path.rsplit(".", 1)[-1] in YEAR_KEYS:
            try:
                years.setdefault(int(lookup(plan, path)), path)
            except (LookupError, TypeError, ValueError):
                pass
    if not years:
        return []
    roles = [(m.start(), m.end()) for m in VALUE_ROLE.finditer(norm)]
    out = []
    for m in YEAR_BESIDE.finditer(norm):
        if int(m.group(1)) in years and not any(s <= m.start() < e for s, e in roles):
            out.append((m.start(1), m.end(1), f"{years[int(m.group(1))]} (年)"))
    for m in ERA_YEAR.finditer(norm):
        year = ERA_OFFSET[m.group(1)] + era_number(m.group(2))
        if year in years and not any(s <= m.start() < e for s, e in roles):
            out.append((m.start(2), m.end(2), f"{years[year]} (和暦)"))
    return out


def restated_figures(text: str, m: Measure, kpi: int, which: str) -> Iterator[
        tuple[int, int, str, bool]]:
    """The figures of a derivation written as ``N日/M日≒R％`` in ``text``: (start, end,
    what it states, whether it agrees). Each pair must be one component's (numerator and
    denominator at the same position) or the totals; a rate, the stated value."""
    value = getattr(m.kpis[kpi], which)
    d = value.derivation
    if d is None:
        return
    pairs = {(to_decimal(n.value), to_decimal(q.value)): f"{n.name}/{q.name}"
             for n, q in zip(d.numerator, d.denominator, strict=False)}
    pairs[(to_decimal(d.numerator_total), to_decimal(d.denominator_total))] = "合計"
    regex = re.compile(RESTATED.format(u=re.escape(d.unit)))
    label = f"measures.{m.id}.kpis.{kpi}.{which}.derivation"
    for match in regex.finditer(text.translate(DIGITS_NORM)):
        pair = (Decimal(match.group(1).replace(",", "")), Decimal(match.group(2).replace(",", "")))
        what = pairs.get(pair)
        for g in (1, 2):
            yield match.start(g), match.end(g), f"{label} ({what or '?'})", what is not None
        if match.group(3):
            ok = Decimal(match.group(3)) == round_to(value.value, d.rounding_digits) and (
                what == "合計")
            yield match.start(3), match.end(3), f"measures.{m.id}.kpis.{kpi}.{which}.value", ok


# --- the audit --------------------------------------------------------------------

SKIP_DIRS = {"_build", ".nox", ".git", "node_modules", "cases", "fixtures"}
REGION = re.compile(r"<!--\s*([a-z][a-z0-9-]*):(begin|end)\s*-->")


def pages(root: Path) -> Iterator[Path]:
    """The pages of the site: index.md and docs/**/*.md."""
    if (root / "index.md").exists():
        yield root / "index.md"
    for path in sorted((root / "docs").rglob("*.md")):
        if not SKIP_DIRS & set(path.relative_to(root).parts):
            yield path


@dataclass
class Finding:
    """A figure a rule compared and found wrong (a derivation restated otherwise)."""

    code: str
    file: str
    line: int
    text: str
    against: str


@dataclass
class Audit:
    numbers: list[Occurrence] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    extra_texts: list[tuple[str, str, int]] = field(default_factory=list)  # (rel, text, line)

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(CLASSES, 0)
        for n in self.numbers:
            out[n.cls] += 1
        return out


def _facts(plan: Plan) -> dict[str, dict[str, Any]]:
    return plan.raw.get("facts") or {}


def _regions(sources: Sources) -> dict[str, dict[str, str]]:
    doc = sources.facts
    if doc is None or not doc.ok:
        return {}
    out: dict[str, dict[str, str]] = {}
    for r in doc.data.get("regions", []):
        out.setdefault(r["file"], {})[r["region"]] = r["source"]
    return out


def _fact_spans(line: str, facts: dict[str, dict[str, Any]]) -> list[tuple[int, int, str]]:
    out = []
    for name, fact in facts.items():
        if "constant" in fact and not _states(fact):
            continue  # its text no longer states the constant's value
        if "text" in fact:
            start = line.find(fact["text"])
            while start >= 0:
                out.append((start, start + len(fact["text"]), f"facts.{name}"))
                start = line.find(fact["text"], start + 1)
    return out


def _states(fact: dict[str, Any]) -> bool:
    """Whether a fact's text (if any) writes its value (half- or full-width)."""
    if fact.get("value") is None:
        return False
    if "text" not in fact:
        return True
    value = to_decimal(fact["value"])
    return any(Decimal(n.translate(TO_ASCII).replace(",", "")) == value
               for n in NUMBER.findall(fact["text"]))


def fact_class(fact: dict[str, Any], name: str) -> tuple[str, str]:
    """(class, against) of a number that states a fact: a fact of the tool itself is
    bound to the constant it comes from, any other is external."""
    if "constant" in fact:
        return "bound", fact["constant"]
    return "external", f"facts.{name}"


def _fact_for(text: str, after: str, facts: dict[str, dict[str, Any]]) -> str | None:
    for name, fact in facts.items():
        if "text" not in fact and isinstance(fact.get("value"), int | float) and _matches(
                text, after, _q(fact["value"], fact["unit"], name)):
            return f"facts.{name}"
    return None


def _role(plan: Plan, spec: str) -> tuple[str, str] | None:
    """(class, path) of a value role that renders a number or a date; None for a name."""
    from .values import lookup

    path = spec.partition(":")[0].strip()
    try:
        value = lookup(plan, path)
    except LookupError:
        return None  # reported by keikaku.value-path
    numeric = isinstance(value, int | float | Decimal | dt.date) and not isinstance(value, bool)
    if not numeric and not spec.strip().endswith((":era", ":fiscal_era", ":ordinal", ":count")):
        return None
    if path.startswith("facts."):
        name = path.removeprefix("facts.").partition(".")[0]
        return fact_class(_facts(plan).get(name, {}), name)
    return "bound", path


CATALOGUE = "tools/keikaku/messages.py"
# Texts of plan.yaml that define what every page shows through {value}.
DEFINITIONS = {("docs/data/plan.yaml", ("name",)): "plan.name",
               ("docs/data/plan.yaml", ("sphere",)): "plan.sphere"}


def catalogue_texts() -> Iterator[Text]:
    """The check catalogue as the checks page shows it (``{rule-catalogue}``): each
    ``code-*`` text at its line of the message catalogue, its placeholders filled in from
    the code's constants (those spans are bound to the constant)."""
    import string

    from . import catalogue

    source = Path(__file__).with_name("messages.py").read_text(encoding="utf-8")
    values = catalogue.params()
    for key, template in catalogue.templates().items():
        text, spans = "", []
        for literal, name, _, _ in string.Formatter().parse(template):
            text += literal
            if name:
                spans.append((len(text), len(text) + len(values[name]),
                              f"keikaku.{catalogue.SETTINGS[name]}"))
                text += values[name]
        if NUMBER.search(text):
            line = source.count("\n", 0, max(0, source.find(f'"{key}":'))) + 1
            yield Text(CATALOGUE, line, text, (key,), [line], spans)


def _contexts(plan: Plan, sources: Sources, root: Path) -> Iterator[tuple[Text, Context]]:
    base = plan_quantities(plan)
    by_rel = {m.doc.rel: m for m in plan.measures}
    # The package's check catalogue is audited where the plan publishes it (a page with
    # the {rule-catalogue} directive, as keikaku's own checks page).
    # The pages as the loader read them: a page it refused (too large, not UTF-8) has no
    # text, so it is not read again here, unbounded.
    if any("{rule-catalogue}" in doc.body for doc in sources.pages):
        for t in catalogue_texts():
            yield t, Context(plan, quantities=base)
    for doc in sources.pages:
        if doc.text:  # its front matter, at its own lines
            yield Text(doc.rel, doc.line_offset + 1, doc.text), Context(plan, quantities=base)
        yield Text(doc.rel, doc.body_line, doc.body), Context(plan, quantities=base)
    for doc in sources.measures:
        m = by_rel.get(doc.rel)
        if m is None:
            continue
        ctx = Context(plan, m, base, lazy=m)
        for t in data_texts(doc):
            if t.keypath and t.keypath[-1] == "source" and "derivation" in t.keypath:
                yield t, Context(plan, m, base, lazy=m,
                                 restates=(m, int(t.keypath[1]), str(t.keypath[2])))
            else:
                yield t, ctx
        if NUMBER.search(doc.body):
            yield Text(doc.rel, doc.body_line, doc.body, ("body",)), ctx
    population = population_quantities(plan)
    numbered = {m.number: m for m in plan.measures}
    for doc in (sources.plan, sources.structure, sources.population, sources.errata,
                sources.comments, sources.comparison):
        if doc is None:
            continue
        for t in data_texts(doc):
            ctx = Context(plan, quantities=base, era_checked=doc.rel in (
                "docs/data/plan.yaml", "docs/data/structure.yaml"))
            kp = t.keypath or ()
            ctx.itself = {("docs/data/plan.yaml", ("name",)): "plan.name",
                          ("docs/data/comparison.yaml", ("previous_vision",)):
                          "comparison.previous_vision"}.get((doc.rel, tuple(kp)))
            if doc.rel == "docs/data/errata.yaml" and len(kp) > 1 and isinstance(kp[1], int):
                entry = plan.errata[kp[1]] if kp[1] < len(plan.errata) else {}
                ctx.measure = plan.measure(entry.get("measure", "")) if entry.get(
                    "measure") else None
                if ctx.measure:
                    ctx.lazy = ctx.measure
                kin = [e for e in plan.errata if e is entry or (
                    e.get("kind") == entry.get("kind") and e.get("kind") != "other")]
                ctx.kin = {x.number for e in kin
                           if (x := plan.measure(e.get("measure", ""))) is not None}
                ctx.opinions = _quoted_opinions([entry]) or _quoted_opinions(kin)
                ctx.entry_texts = [str(p.get("text", "")) for p in entry.get("printed", [])]
                ctx.hints = frozenset([*entry.get("source_lines", []), *(
                    p["line"] for p in entry.get("printed", []) if "line" in p)])
                ctx.cards = _quoted_cards(numbered, entry)
                if len(kp) == 5 and kp[2] == "printed":
                    ctx.kin = set()  # a quote is from this entry's own card
                if str(entry.get("kind", "")).startswith("population"):
                    ctx.quantities = ctx.quantities + population
                if len(kp) == 5 and kp[2] == "printed" and kp[4] == "where":
                    ctx.quoted_text = entry["printed"][kp[3]].get("text", "")
                if len(kp) == 5 and kp[2] == "printed" and kp[4] == "text":
                    ctx.quote_line = entry["printed"][kp[3]].get("line")
                ctx.era_checked = True  # read by the number rule (see extra_texts)
            if doc.rel == "docs/data/comments.yaml" and len(kp) == 3 and plan.comments:
                entry = plan.comments[kp[0]][kp[1]]
                restates = entry.get("restates")
                m = plan.measure(entry.get("measure", "")) if entry.get("measure") else None
                if restates and m is not None and kp[2] == "response":
                    _, i, which = restates.split(".")
                    if int(i) < len(m.kpis):
                        ctx.restates = (m, int(i), which)
            yield t, ctx


def _holds(m: Measure, quote: str) -> bool:
    """Whether a measure's card holds the quoted text (name, projects, body)."""
    return _norm(quote).lstrip("○") in _card_text(m)


_CARD_TEXT: dict[int, str] = {}


def _card_text(m: Measure) -> str:
    """What a card prints, as one text without spaces: its name, projects, KPIs (name,
    baseline and target), budget row, body and notes."""
    if id(m) not in _CARD_TEXT:
        from .numbers import fmt_number

        kpis = [x for k in m.kpis for x in (
            k.name, *(f"{fmt_number(v.value)}{k.unit}" for v in (k.baseline, k.target)))]
        budget = [fmt_number(a) if a is not None else UNDECIDED
                  for _, a in sorted(m.budget.items())]
        texts = [m.name, *(p for ps in m.projects.values() for p in ps), *kpis, *budget,
                 m.content, m.effect, m.roles, *m.notes]
        _CARD_TEXT[id(m)] = _norm(" ".join(str(t) for t in texts))
    return _CARD_TEXT[id(m)]


def _quoted_cards(numbers: dict[int, Measure], entry: dict[str, Any]) -> set[int]:
    """The cards an errata entry quotes (施策カードN in ``printed[].where``, holding the
    text), of the plan's measures by number."""
    out = set()
    for p in entry.get("printed", []):
        for q in re.finditer(r"施策カード(\d+)", str(p.get("where", "")).translate(DIGITS_NORM)):
            n = int(q.group(1))
            if n in numbers and _holds(numbers[n], str(p.get("text", ""))):
                out.add(n)
    return out


def _quoted_opinions(entries: list[dict[str, Any]]) -> set[tuple[str, int]]:
    """The comments and opinions the errata entries quote (in ``printed[].where``)."""
    return {("council_opinions" if q.group(1).startswith("懇談会") else "public_comments",
             int(q.group(2)))
            for e in entries for p in e.get("printed", [])
            for q in OPINION_QUOTED.finditer(str(p.get("where", "")).translate(DIGITS_NORM))}


def _is_page(t: Text) -> bool:
    return t.keypath is None or t.keypath == ("body",)


def audit(plan: Plan, sources: Sources, root: Path, archive: Archive | None = None) -> Audit:
    """Every number of the published text with its class."""
    _MEASURE_QUANTITIES.pop(id(plan), None)
    _CARDS.pop(id(plan), None)
    _CARD_TEXT.clear()
    try:
        return _audit(plan, sources, root, archive)
    finally:
        _MEASURE_QUANTITIES.pop(id(plan), None)
        _CARDS.pop(id(plan), None)
        _CARD_TEXT.clear()


# Where a quoted number's passage ends: the sentence, then the clause.
SENTENCE_END = "。"
QUOTE_WINDOW = 6
QUOTE_CONTEXT = 2  # characters besides the number a passage must have


def _passages(line: str, start: int, end: int) -> Iterator[str]:
    """The passages of a line of quoted text around the number at [start, end), longest
    first: the line (without a list marker and emphasis), its sentence, and the words
    next to it in its sentence (QUOTE_WINDOW characters each side): a passage that
    holds the number where it stands, not the same words elsewhere in the source."""
    yield line
    yield re.sub(r"^\s*(?:[-*+>]\s+)+", "", line).replace("**", "")
    a = start
    while a > 0 and line[a - 1] not in SENTENCE_END:
        a -= 1
    b = end
    while b < len(line) and line[b] not in SENTENCE_END:
        b += 1
    yield line[a:b + 1]
    yield line[max(a, start - QUOTE_WINDOW):min(b, end + QUOTE_WINDOW)]


def quoted_place(archive: Archive | None, line: str, start: int, end: int,
                 hints: frozenset[int] = frozenset(), at: int | None = None) -> int | None:
    """The line of the archive where the passage around a number of a quote stands (None:
    nowhere, so the number is no quote). A passage that holds little more than the number
    (「563人」, a cell of a table) is found only on a line its errata entry names."""
    if archive is None:
        return None
    for passage in _passages(line, start, end):
        short = len(re.sub(r"\s", "", passage)) - (end - start) < QUOTE_CONTEXT
        places = archive.find(passage)
        if at is not None:  # the quote says which line of the source it stands on
            places = [p for p in places if p[0] <= at <= p[1]]
        elif short:
            places = [p for p in places if any(p[0] <= h <= p[1] for h in hints)]
        if places:
            return places[0][0]
    return None


def _audit(plan: Plan, sources: Sources, root: Path, archive: Archive | None) -> Audit:
    result = Audit()
    facts = _facts(plan)
    regions = _regions(sources)
    for t, ctx in _contexts(plan, sources, root):
        quote = quote_field(t.file, t.keypath)
        raw = t.text.split("\n")
        if _is_page(t):
            lines = [(t.first_line + i - 1, line, raw[i - 1]) for i, line in page_lines(t.text)]
        else:
            lines = [(t.lines[j] if j < len(t.lines) else t.first_line, blank_markup(p), p)
                     for j, p in enumerate(raw)]
            if not quote and t.file in ("docs/data/errata.yaml",):
                result.extra_texts.append((t.file, t.text, t.first_line))
        region = None
        inside: dict[int, str] = {}
        if _is_page(t) and t.file in regions:
            for i, line in enumerate(raw, t.first_line):
                m = REGION.search(line)
                if m and m.group(1) in regions[t.file]:
                    region = m.group(1) if m.group(2) == "begin" else None
                elif region:
                    inside[i] = f"{regions[t.file][region]} ({region})"
        for line_no, line, raw_line in lines:
            norm = line.translate(DIGITS_NORM)
            claims = pattern_claims(norm, ctx, root)
            line_quantities: list[list[Quantity]] = []

            def quantities(line: str = line, cache: list[list[Quantity]] = line_quantities,
                           ctx: Context = ctx) -> list[Quantity]:
                if not cache:
                    found = ctx.all_quantities()
                    if ctx.measure is None:  # a line naming a measure may state its figures
                        found = found + [q for m in plan.measures if m.name in line
                                         for q in measure_quantities(plan, m)]
                    cache.append(found)
                return cache[0]

            spans = [] if quote else _fact_spans(line, facts)
            if ctx.restates is not None:
                m, i, which = ctx.restates
                code = ("keikaku.derivation-source" if t.file.startswith("measures/")
                        else "keikaku.derivation-restated")
                for s, e, what, ok in restated_figures(line, m, i, which):
                    claims.append((s, e, what))
                    if not ok:
                        result.findings.append(Finding(code, t.file, line_no, line[s:e], what))
            for off, txt, spec in numbers_in(line):
                occ = Occurrence(t.file, line_no, txt, start=off, keypath=t.keypath or (),
                                 context=raw_line)
                after = line[off + len(txt):]
                if spec is not None:
                    role = _role(plan, spec)
                    if role is None:
                        continue
                    occ.cls, occ.against = role
                elif (const := next((a for s, e, a in t.constants if s <= off < e), None)):
                    occ.cls, occ.against = "bound", const
                elif line_no in inside:
                    occ.cls, occ.against = "external", inside[line_no]
                elif (span := next((a for s, e, a in spans if s <= off < e), None)) or (
                        not quote and (span := _fact_for(txt, after, facts))):
                    name = span.removeprefix("facts.")
                    occ.cls, occ.against = fact_class(facts[name], name) if name in facts else (
                        "external", span)
                elif claim := next((a for s, e, a in claims if s <= off < e and a), None):
                    occ.cls, occ.against = "checked", claim
                elif any(s <= off < e for s, e, _ in claims):
                    pass  # a pattern found it stated wrongly (""), quoted or not
                elif quote and archive is None and (t.file, tuple(t.keypath or ())) in DEFINITIONS:
                    # No archived source to quote: the plan's own name is its definition,
                    # typed once here and shown everywhere through {value}.
                    occ.cls, occ.against = "bound", DEFINITIONS[(t.file, tuple(t.keypath or ()))]
                elif quote and (place := quoted_place(archive, line, off, off + len(txt),
                                                      ctx.hints, ctx.quote_line)):
                    occ.cls, occ.against = "quoted", f"{archive.rel}:{place}" if archive else ""
                elif not quote and (q := next((q for q in quantities()
                                                if (_matches(txt, after, q) or _about(
                                                    txt, after, line[:off], q))
                                                and _named(line[:off], q)
                                                and _cued(line[:off], q)), None)):
                    occ.cls, occ.against = "checked", q.label
                result.numbers.append(occ)
    return result
