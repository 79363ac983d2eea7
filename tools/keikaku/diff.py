"""The semantic difference between two versions of a plan, for reviewers.

Measures added, removed, renamed, renumbered or moved; every budget cell that
changed (old → new, difference) with the per-year and plan totals; every KPI
value, unit or name that changed; prose changed per part with the changed
words marked; and the places in the text that cite a changed value — those
filled from data ({value}) update themselves, numbers typed by hand are
listed for re-review.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from . import actualsdiff
from .model import Kpi, Measure, Plan
from .numbers import fmt_number
from .rules.prose import VALUE_ROLE, files
from .values import UnknownPath, resolve

TEXT_PARTS = {"content": "取組内容", "effect": "事業効果", "roles": "役割分担"}


@dataclass
class Change:
    kind: str          # measure-added, measure-removed, renamed, renumbered, moved, budget,
    #                    kpi-added, kpi-removed, kpi-changed, text, projects,
    #                    actual-added, actual-changed, actual-removed, grade-changed
    measure: str       # measure id
    label: str         # the measure as a reader knows it: "12 地域内発型産業創出事業"
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass
class Citation:
    file: str
    line: int
    text: str
    bound: bool        # filled from data ({value}): updates itself


@dataclass
class PlanDiff:
    base: str
    head: str
    changes: list[Change] = field(default_factory=list)
    budget_totals: dict[str, dict[str, int]] = field(default_factory=dict)
    citations: list[Citation] = field(default_factory=list)
    period_years: int = 0  # the head plan's period length, for 「N年間合計」

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def marked(old: str, new: str) -> str:
    """Old and new text with the changed characters marked: [-deleted-]{+inserted+}."""
    out = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            out.append(old[a0:a1])
        if op in ("delete", "replace"):
            out.append(f"[-{old[a0:a1]}-]")
        if op in ("insert", "replace"):
            out.append(f"{{+{new[b0:b1]}+}}")
    return "".join(out)


def _label(m: Measure) -> str:
    return f"{m.number} {m.name}"


def _kpi_changes(old: Measure, new: Measure) -> list[Change]:
    out = []
    old_by_name = {k.name: k for k in old.kpis}
    new_by_name = {k.name: k for k in new.kpis}
    unmatched_old = [k for k in old.kpis if k.name not in new_by_name]
    unmatched_new = [k for k in new.kpis if k.name not in old_by_name]
    pairs: list[tuple[Kpi, Kpi]] = [(old_by_name[n], new_by_name[n])
                                    for n in old_by_name if n in new_by_name]
    # A KPI renamed in place (same position, name changed) is a change, not add + remove.
    for k_old, k_new in zip(list(unmatched_old), list(unmatched_new), strict=False):
        if old.kpis.index(k_old) == new.kpis.index(k_new):
            pairs.append((k_old, k_new))
            unmatched_old.remove(k_old)
            unmatched_new.remove(k_new)
    for k in unmatched_old:
        out.append(Change("kpi-removed", new.id, _label(new), {"kpi": k.name}))
    for k in unmatched_new:
        out.append(Change("kpi-added", new.id, _label(new), {"kpi": k.name}))
    for a, b in pairs:
        diffs = {}
        if a.name != b.name:
            diffs["name"] = [a.name, b.name]
        if a.unit != b.unit:
            diffs["unit"] = [a.unit, b.unit]
        for which in ("baseline", "target"):
            va, vb = getattr(a, which), getattr(b, which)
            if (va.value, va.fiscal_year) != (vb.value, vb.fiscal_year):
                diffs[which] = [f"{fmt_number(va.value)}{a.unit}（{va.fiscal_year}年度）",
                                f"{fmt_number(vb.value)}{b.unit}（{vb.fiscal_year}年度）"]
        if diffs:
            out.append(Change("kpi-changed", new.id, _label(new), {"kpi": b.name, **diffs}))
    return out


def _measure_changes(old: Measure, new: Measure) -> list[Change]:
    out: list[Change] = []
    label = _label(new)
    if old.name != new.name:
        out.append(Change("renamed", new.id, label, {"old": old.name, "new": new.name}))
    if old.number != new.number:
        out.append(Change("renumbered", new.id, label, {"old": old.number, "new": new.number}))
    if old.place.id != new.place.id:
        out.append(Change("moved", new.id, label,
                          {"old": old.place.name, "new": new.place.name}))
    for year in sorted(set(old.budget) | set(new.budget)):
        a, b = old.budget.get(year), new.budget.get(year)
        if a != b:
            out.append(Change("budget", new.id, label, {
                "year": year, "old": a, "new": b, "difference": (b or 0) - (a or 0)}))
    out += _kpi_changes(old, new)
    for part, heading in TEXT_PARTS.items():
        a, b = getattr(old, part), getattr(new, part)
        if a != b:
            out.append(Change("text", new.id, label, {"part": heading, "marked": marked(a, b)}))
    if old.projects != new.projects:
        out.append(Change("projects", new.id, label, {
            "old": old.projects, "new": new.projects}))
    return out


def _citations(base: Plan, head: Plan, head_root: Path,
               changed_numbers: set[str]) -> list[Citation]:
    """Where the head's text cites a changed value: {value} references whose value
    differs, and numbers typed by hand equal to a changed value's old text."""
    out = []
    typed = re.compile("|".join(re.escape(n) for n in sorted(changed_numbers, key=len,
                                                             reverse=True))) \
        if changed_numbers else None
    for path in files(head_root):
        rel = path.relative_to(head_root).as_posix()
        if rel.startswith("docs/data/"):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        lines = text.split("\n")
        first = 0
        if lines and lines[0] == "---":  # a measure file: only its body is prose
            first = next((i + 1 for i in range(1, len(lines)) if lines[i] == "---"), 0)
        for i, line in enumerate(lines[first:], start=first + 1):
            for m in VALUE_ROLE.finditer(line):
                try:
                    before, after = resolve(base, m.group(1)), resolve(head, m.group(1))
                except (UnknownPath, LookupError):
                    continue
                if before != after:
                    out.append(Citation(rel, i, f"{m.group(1)}: {before} → {after}", True))
            if typed is not None:
                plain = VALUE_ROLE.sub("", line)
                for m in typed.finditer(plain):
                    if not _inside_number(plain, m.start(), m.end()):
                        out.append(Citation(rel, i, plain.strip()[:80], False))
    return out


def _inside_number(text: str, start: int, end: int) -> bool:
    """Whether a match is part of a longer number (48,221 inside 148,221)."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return bool(re.match(r"[\d,.]", before) or re.match(r"[\d]", after))


def compare(base: Plan, head: Plan, base_name: str, head_name: str,
            head_root: Path | None = None) -> PlanDiff:
    result = PlanDiff(base_name, head_name, period_years=len(head.fiscal_years))
    old = {m.id: m for m in base.measures}
    new = {m.id: m for m in head.measures}
    for mid in sorted(set(old) - set(new), key=lambda i: old[i].number):
        result.changes.append(Change("measure-removed", mid, _label(old[mid]),
                                     {"budget_total": old[mid].budget_total,
                                      "years": len(base.fiscal_years)}))
    for mid in sorted(set(new) - set(old), key=lambda i: new[i].number):
        result.changes.append(Change("measure-added", mid, _label(new[mid]),
                                     {"budget_total": new[mid].budget_total,
                                      "years": len(head.fiscal_years)}))
    for mid in sorted(set(old) & set(new), key=lambda i: new[i].number):
        result.changes += _measure_changes(old[mid], new[mid])
        result.changes += actualsdiff.changes(base, head, old[mid], new[mid],
                                              _label(new[mid]))
    before, after = base.budget_totals(), head.budget_totals()
    result.budget_totals = {k: {"old": before.get(k, 0), "new": after.get(k, 0),
                                "difference": after.get(k, 0) - before.get(k, 0)}
                            for k in after if before.get(k) != after.get(k)}
    olds = [c.detail["old"] for c in result.changes
            if c.kind == "budget" and c.detail["old"] is not None]
    olds += [v["old"] for v in result.budget_totals.values()]
    # Short numbers (84, 10) stand everywhere; only those of 3 digits or more are looked for.
    changed_numbers = {fmt_number(v) for v in olds if abs(v) >= 100}
    if head_root is not None:
        result.citations = _citations(base, head, head_root, changed_numbers)
    return result
