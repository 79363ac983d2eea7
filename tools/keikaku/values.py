"""Values that prose cites from data: ``{value}`path[:format]```.

Namespaces:

- ``plan.…``: docs/data/plan.yaml as written (``plan.land_area.total``,
  ``plan.municipalities.0.name``);
- ``population.<table>.<area>.<year>.<item>``: a population table cell, where
  item is an age group, ``total``, ``aging_rate`` or ``share.<group>`` (the
  last two computed);
- ``population.targets.<year>.population|aging_rate``: the targets of Ⅲ２（３）;
- ``budget.<year>`` / ``budget.total``: the sum of every measure's budget;
- ``measures.<id>.<attr>``: ``name``, ``number``, ``budget_total``;
- ``counts.measures`` / ``counts.kpis`` / ``counts.directions`` /
  ``counts.period_years`` / ``counts.age_groups`` (and
  ``counts.public_comments`` / ``counts.council_opinions``);
- ``comments.…``: docs/data/comments.yaml as written (``comments.period.start:era``);
- ``comparison.…``: docs/data/comparison.yaml as written (``comparison.previous_vision``);
- ``facts.<name>``: the value of an external fact of docs/data/facts.yaml;
- ``keikaku.…``: a setting of the checker itself (``keikaku.exit.problems``,
  ``keikaku.worse_tolerance``), for the pages that describe it.

The format after the colon is the number of decimals (``:1`` → 45.4), rounded
half-up; without it a number keeps the decimals it has and gets thousands
separators; ``:era`` writes a date in the Japanese era (平成31年３月26日) and a year as
令和６年 (``:fiscal_era``: 令和６年度); ``:ordinal`` the N of a
name 第N次… (``plan.name:ordinal`` → ３, ``comparison.previous_vision:ordinal`` → ２).
A list (of records with a ``name``, or of municipality ids) is written by
``:names`` (一関市・平泉町), ``:names(と)`` (「、」 between the names, the given word
before the last: 一関市と平泉町; Ａ、Ｂ及びＣ) or ``:count`` (１市１町, counted by
the last character 市, 町 or 村 of each name). A record of a list can be named by its
``id`` (``plan.municipalities.hiraizumi.name``).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from .eras import era_date, era_label
from .model import AGE_GROUPS, Plan, PopulationTable
from .numbers import fmt_number, ratio

# Keys whose values are years: written without thousands separators (2024, not 2,024).
YEAR_KEYS = {"start", "end", "base_year", "target_year", "year", "fiscal_year"}


class UnknownPath(LookupError):
    """The path names nothing in the data; ``known`` lists what exists at the failing step."""

    def __init__(self, path: str, known: list[str]) -> None:
        super().__init__(path)
        self.path, self.known = path, known


def _cell(table: PopulationTable, parts: list[str], path: str) -> Any:
    if not parts:
        raise UnknownPath(path, list(table.rows))
    area, *rest = parts
    rows = table.rows.get(area)
    if rows is None:
        raise UnknownPath(path, list(table.rows))
    if not rest or not rest[0].isdigit() or int(rest[0]) not in rows:
        raise UnknownPath(path, [str(y) for y in rows])
    cell = rows[int(rest[0])]
    item = rest[1:]
    if item == ["aging_rate"]:
        return ratio(cell["age_65_plus"], cell["total"])
    if len(item) == 2 and item[0] == "share" and item[1] in AGE_GROUPS:
        return ratio(cell[item[1]], cell["total"])
    if len(item) == 1 and item[0] in cell:
        return cell[item[0]]
    raise UnknownPath(path, [*cell, "aging_rate", *(f"share.{g}" for g in AGE_GROUPS)])


def _settings() -> dict[str, Any]:
    from .cli import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
    from .load import MAX_FILE_BYTES, MAX_VALUES, YAML_DEPTH
    from .rules import budget, kpi

    return {"exit.ok": EXIT_OK, "exit.problems": EXIT_PROBLEMS, "exit.usage": EXIT_USAGE,
            "worse_tolerance": kpi.WORSE_TOLERANCE, "kpi_outlier": kpi.OUTLIER_FACTOR,
            "budget_outlier": budget.OUTLIER_FACTOR, "limits.file_bytes": MAX_FILE_BYTES,
            "limits.values": MAX_VALUES, "limits.yaml_depth": YAML_DEPTH}


def lookup(plan: Plan, path: str) -> Any:
    """The raw value at ``path`` (without format)."""
    head, *parts = path.split(".")
    if head == "population" and plan.population is not None:
        if parts and parts[0] == "targets":
            targets = {str(t.year): t for t in plan.population.targets}
            if len(parts) != 3 or parts[1] not in targets or parts[2] not in (
                    "population", "aging_rate"):
                raise UnknownPath(path, [*targets, "population", "aging_rate"])
            return getattr(targets[parts[1]], parts[2])
        if not parts or parts[0] not in ("projection", "prospect"):
            raise UnknownPath(path, ["projection", "prospect", "targets"])
        return _cell(getattr(plan.population, parts[0]), parts[1:], path)
    if head == "budget":
        totals = plan.budget_totals()
        if len(parts) == 1 and parts[0] in totals:
            return totals[parts[0]]
        raise UnknownPath(path, list(totals))
    if head == "measures":
        ids = [m.id for m in plan.measures]
        if len(parts) != 2 or parts[0] not in ids:
            raise UnknownPath(path, ids)
        if parts[1] not in ("name", "number", "budget_total"):
            raise UnknownPath(path, ["name", "number", "budget_total"])
        return getattr(plan.measure(parts[0]), parts[1])
    if head == "counts":
        counts = {"measures": len(plan.measures),
                  "kpis": sum(len(m.kpis) for m in plan.measures),
                  "directions": len(plan.directions()),
                  "period_years": len(plan.fiscal_years), "age_groups": len(AGE_GROUPS)}
        if plan.comments is not None:
            counts |= {kind: len(plan.comments[kind])
                       for kind in ("public_comments", "council_opinions")}
        if len(parts) == 1 and parts[0] in counts:
            return counts[parts[0]]
        raise UnknownPath(path, list(counts))
    if head == "facts" and "facts" in plan.raw:
        facts = plan.raw["facts"]
        if len(parts) != 1 or parts[0] not in facts:
            raise UnknownPath(path, list(facts))
        return facts[parts[0]]["value"]
    if head == "keikaku":
        settings = _settings()
        if ".".join(parts) not in settings:
            raise UnknownPath(path, list(settings))
        return settings[".".join(parts)]
    if head == "comments" and plan.comments is not None:
        node: Any = plan.comments
    elif head == "comparison" and plan.comparison is not None:
        node = plan.comparison
    elif head != "plan":
        raise UnknownPath(path, ["plan", "population", "budget", "measures", "counts",
                                 "comments", "comparison", "facts", "keikaku"])
    else:
        node = plan.raw["plan"]
    for part in parts:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, list) and (found := _by_id(node, part)) is not None:
            node = found
        else:
            known = list(node) if isinstance(node, dict) else _list_keys(node) \
                if isinstance(node, list) else []
            raise UnknownPath(path, [str(k) for k in known])
    return node


def _by_id(items: list[Any], ident: str) -> Any:
    """The entry of a list of records whose ``id`` is ``ident`` (``plan.municipalities.
    hiraizumi.name``), or None."""
    return next((x for x in items if isinstance(x, dict) and x.get("id") == ident), None)


def _list_keys(items: list[Any]) -> list[str]:
    return [str(i) for i in range(len(items))] + [
        x["id"] for x in items if isinstance(x, dict) and isinstance(x.get("id"), str)]


# Municipality kinds in the order a count phrase names them (１市２町１村).
KINDS = "市町村"
_FW = str.maketrans("0123456789", "０１２３４５６７８９")
LIST_SEPARATOR = "・"
_NAMES_WITH = re.compile(r"^names\((.+)\)$")


def _names(plan: Plan, items: list[Any], spec: str) -> list[str]:
    """The names of a list: records by their ``name``, municipality ids by the
    municipality's name, other texts as they are."""
    ids = {m.id: m.name for m in plan.municipalities}
    out = []
    for x in items:
        if isinstance(x, dict) and isinstance(x.get("name"), str):
            out.append(x["name"])
        elif isinstance(x, str):
            out.append(ids.get(x, x))
        else:
            raise UnknownPath(spec, [])
    return out


def _list_text(plan: Plan, items: list[Any], fmt: str, spec: str) -> str:
    """``:names`` 一関市・平泉町; ``:names(及び)`` 一関市、平泉町及び藤沢町 (the word before
    the last, 「、」 between the others); ``:count`` １市１町."""
    names = _names(plan, items, spec)
    if fmt == "names":
        return LIST_SEPARATOR.join(names)
    if fmt == "count":
        counts = {k: sum(1 for n in names if n.endswith(k)) for k in KINDS}
        if sum(counts.values()) != len(names):
            raise UnknownPath(spec, [])  # a name that is not a 市, 町 or 村
        return "".join(f"{str(n).translate(_FW)}{k}" for k, n in counts.items() if n)
    m = _NAMES_WITH.match(fmt)
    if m is None:
        raise UnknownPath(spec, ["names", "names(及び)", "count"])
    if len(names) < 2:
        return "".join(names)
    return "、".join(names[:-1]) + m.group(1) + names[-1]


def resolve(plan: Plan, spec: str) -> str:
    """The text for ``path[:format]``."""
    path, _, fmt = spec.strip().partition(":")
    value = lookup(plan, path.strip())
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, list):
        return _list_text(plan, value, fmt.strip(), spec)
    if fmt in ("era", "fiscal_era") and isinstance(value, int):
        return era_label(value, fiscal=fmt == "fiscal_era")  # 2024 -> 令和６年（度）
    if fmt == "ordinal" and isinstance(value, str):  # 第３次… -> ３ (as the name writes it)
        m = re.search(r"第([0-9０-９]+)次", value)
        if m is None:
            raise UnknownPath(spec, [])
        return m.group(1)
    if isinstance(value, dt.date) or (fmt == "era" and isinstance(value, str)):
        date = value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
        return era_date(date) if fmt == "era" else date.isoformat()
    if isinstance(value, int) and path.strip().rsplit(".", 1)[-1] in YEAR_KEYS:
        return str(value)
    if isinstance(value, int | float | Decimal):
        digits = int(fmt) if fmt.strip().isdigit() else None
        return fmt_number(value, digits)
    return str(value)


def render_text(plan: Plan, text: str) -> str:
    """A data text (a note, an errata reason) with its ``{value}`path` `` roles rendered;
    a role that does not resolve is left as written (``keikaku check`` reports it)."""
    def one(m: re.Match[str]) -> str:
        try:
            return resolve(plan, m.group(1))
        except LookupError:
            return m.group(0)

    return re.sub(r"\{value\}`([^`]+)`", one, text) if "{value}" in text else text
