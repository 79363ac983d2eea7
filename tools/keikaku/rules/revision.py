"""Revision rules: public comments and council opinions (links, counts, item names)
and the comparison with the previous vision (renames listed, printed names equal
the data, every measure present, every mark explained)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..load import Document, Sources
from ..model import Plan
from ..problems import Phrase, Problem, Severity

KINDS = ("public_comments", "council_opinions")


def names_measure(item: str, name: str) -> bool:
    """Whether an opinion's item names the measure: its name, or an aspect of it
    (「一関・平泉バルーンフェスティバルの成果目標」 for 一関・平泉バルーンフェスティバル事業)."""
    stem = name.removesuffix("事業")
    return item == name or item.startswith((f"{name}の", f"{stem}の"))


def former_names(plan: Plan, mid: str) -> set[str]:
    """The names the comparison with the previous vision records for a measure before."""
    rows = (plan.comparison or {}).get("rows", [])
    return {r["previous"]["name"] for r in rows
            if r.get("current") == mid and isinstance(r.get("previous"), dict)
            and r["previous"].get("name")}


def target_field(plan: Plan, entry: dict[str, Any]) -> str | None:
    """The policy field an opinion concerns (``other`` for the plan as a whole)."""
    if "measure" in entry:
        m = plan.measure(entry["measure"])
        return m.field.id if m else None
    if "direction" in entry:
        d = next((d for d in plan.directions() if d.id == entry["direction"]), None)
        return d.field.id if d else None
    if "field" in entry:
        return entry["field"] if any(f.id == entry["field"] for f in plan.fields()) else None
    if "area" in entry:
        area = next((a for a in plan.areas if a.id == entry["area"]), None)
        if area is None:
            return None
        return area.fields[0].id if len(area.fields) == 1 else "other"
    return "other"


def _comments(plan: Plan, doc: Document) -> list[Problem]:
    out: list[Problem] = []
    data = doc.data
    for kind in KINDS:
        entries = data[kind]
        numbers = [e["number"] for e in entries]
        if numbers != list(range(1, len(entries) + 1)):
            out.append(Problem("keikaku.comment-count", doc.rel, doc.line_of((kind,)),
                               "comment-numbering", {"kind": f"@kind-{kind}",
                                                     "count": len(entries),
                                                     "numbers": numbers}))
        counted: Counter[str] = Counter()
        unresolved = False
        for i, e in enumerate(entries):
            field = target_field(plan, e)
            if field is None and plan.is_unreadable(f"measures.{e.get('measure')}"):
                unresolved = True  # the measure's own problem is reported
                continue
            if field is None:
                key = next(k for k in ("measure", "direction", "field", "area") if k in e)
                out.append(Problem("keikaku.reference", doc.rel, doc.line_of((kind, i, key)),
                                   "unknown-reference",
                                   {"where": Phrase(f"kind-{kind}", f" {e['number']}"),
                                    "kind": f"@ref-{key}", "id": e[key]}))
                unresolved = True
                continue
            counted[field] += 1
            m = plan.measure(e["measure"]) if "measure" in e else None
            if m is not None and not names_measure(e["item"], m.name):
                # Acknowledged when the entry links the erratum that records the spelling,
                # or when the item is a name the comparison records for the measure before.
                erratum = plan.recorded(e.get("errata"), "keikaku.comment-item")
                former = any(names_measure(e["item"], name) for name in former_names(plan, m.id))
                key = ("comment-item-recorded" if erratum else
                       "comment-item-former" if former else "comment-item")
                out.append(Problem("keikaku.comment-item", doc.rel, doc.line_of((kind, i, "item")),
                                   key, {"kind": f"@kind-{kind}", "number": e["number"],
                                         "item": e["item"], "name": m.name, "errata": erratum},
                                   Severity.WARNING, acknowledged=bool(erratum) or former))
        stated = data["stated_counts"][kind]
        if stated["total"] != len(entries):
            out.append(Problem("keikaku.comment-count", doc.rel,
                               doc.line_of(("stated_counts", kind, "total")), "comment-total",
                               {"kind": f"@kind-{kind}", "stated": stated["total"],
                                "computed": len(entries)}))
        names = {f.id: f.name for f in plan.fields()} | {"other": "その他"}
        # An unresolved link is already reported; counting without it would only repeat it.
        for field in [] if unresolved else sorted(set(stated["by_field"]) | set(counted)):
            if stated["by_field"].get(field, 0) != counted.get(field, 0):
                line = doc.line_of(("stated_counts", kind, "by_field", field)) \
                    if field in stated["by_field"] else doc.line_of(("stated_counts", kind))
                out.append(Problem("keikaku.comment-count", doc.rel, line, "comment-count",
                                   {"kind": f"@kind-{kind}", "field": names.get(field, field),
                                    "stated": stated["by_field"].get(field, 0),
                                    "computed": counted.get(field, 0)}))
    return out


def _comparison(plan: Plan, doc: Document) -> list[Problem]:
    out: list[Problem] = []
    data = doc.data
    seen: set[str] = set()
    for i, row in enumerate(data["rows"]):
        current = plan.measure(row["current"]) if "current" in row else None
        if "current" in row:
            if current is None and plan.is_unreadable(f"measures.{row['current']}"):
                continue  # the measure's own problem is reported
            if current is None:
                out.append(Problem("keikaku.reference", doc.rel,
                                   doc.line_of(("rows", i, "current")),
                                   "unknown-reference",
                                   {"where": "@where-comparison", "kind": "@ref-measure",
                                    "id": row["current"]}))
                continue
            seen.add(current.id)
            for key, what, expected in (("printed_name", "名称", current.name),
                                        ("printed_number", "番号", current.number)):
                if key in row and row[key] != expected:
                    out.append(Problem("keikaku.comparison", doc.rel,
                                       doc.line_of(("rows", i, key)), "comparison-printed",
                                       {"what": what, "printed": row[key],
                                        "expected": expected}))
            previous = row.get("previous")
            if previous and row["change"] == "continued" and previous["name"] != current.name:
                out.append(Problem("keikaku.comparison", doc.rel,
                                   doc.line_of(("rows", i, "change")), "comparison-rename",
                                   {"old": previous["name"], "new": current.name}))
    for m in plan.measures:
        if m.id not in seen:
            out.append(Problem("keikaku.comparison", doc.rel, doc.line_of(("rows",)),
                               "comparison-missing", {"name": m.name}))
    row_marks = {r["mark"] for r in data["rows"] if "mark" in r}
    reason_marks = {c["mark"] for c in data["changes"]}
    for mark in sorted(row_marks - reason_marks):
        out.append(Problem("keikaku.comparison", doc.rel, doc.line_of(("changes",)),
                           "comparison-mark", {"mark": mark, "what": "理由"}))
    for i, change in enumerate(data["changes"]):
        if change["mark"] not in row_marks:
            out.append(Problem("keikaku.comparison", doc.rel, doc.line_of(("changes", i, "mark")),
                               "comparison-mark", {"mark": change["mark"], "what": "行"}))
    return out


def check(plan: Plan, sources: Sources) -> list[Problem]:
    problems: list[Problem] = []
    if sources.comments is not None and sources.comments.ok:
        problems += _comments(plan, sources.comments)
    if sources.comparison is not None and sources.comparison.ok:
        problems += _comparison(plan, sources.comparison)
    return problems
