"""Identity and references: unique ids, file names, display numbers 1..N, links."""

from __future__ import annotations

from pathlib import PurePosixPath

from ..load import Document, Sources
from ..model import COMMON, Plan
from ..problems import Problem


def _errata_links(plan: Plan, sources: Sources) -> list[Problem]:
    """Every ``errata: {code: id}`` link names an errata entry that exists."""
    if "errata" in plan.unreadable:
        return []  # the errata file's own problem is reported
    ids = {e.get("id") for e in plan.errata}
    links: list[tuple[Document, tuple[object, ...], dict[str, str]]] = []
    for m in plan.measures:
        links.append((m.doc, ("errata",), m.errata))
    for ai, area in enumerate(plan.areas):
        for fi, fld in enumerate(area.fields):
            for di, d in enumerate(fld.directions):
                links.append((sources.structure, ("areas", ai, "fields", fi, "directions", di,
                                                  "agreement", "errata"), d.errata))
    if plan.population is not None:
        for t in (plan.population.projection, plan.population.prospect):
            links.append((plan.population.doc, (t.key, "errata"), t.errata))
    if plan.comments is not None and sources.comments is not None:
        for kind in ("public_comments", "council_opinions"):
            for i, e in enumerate(plan.comments[kind]):
                links.append((sources.comments, (kind, i, "errata"), e.get("errata") or {}))
    out = []
    for doc, path, link in links:
        for code, eid in link.items():
            if eid not in ids:
                out.append(Problem("keikaku.reference", doc.rel, doc.line_of((*path, code)),
                                   "errata-unknown-id", {"id": eid, "code": code}))
    return out


def _project_groups(plan: Plan) -> list[Problem]:
    """``projects`` is keyed by the plan's municipality ids and ``common``."""
    known = [COMMON, *plan.municipality_ids]
    out = []
    for m in plan.measures:
        for key in m.projects:
            if key not in known:
                out.append(Problem("keikaku.unknown-municipality", m.doc.rel,
                                   m.doc.line_of(("projects", key)),
                                   "unknown-project-municipality",
                                   {"id": key, "known": "、".join(known)}))
    return out


def check(plan: Plan, sources: Sources) -> list[Problem]:
    problems: list[Problem] = []
    seen_ids: dict[str, str] = {}
    for doc in sources.measures:
        if not doc.ok:
            continue
        mid = doc.data["id"]
        if mid in seen_ids:
            problems.append(Problem("keikaku.id", doc.rel, doc.line_of(("id",)), "duplicate-id",
                                    {"id": mid, "other": seen_ids[mid]}))
        else:
            seen_ids[mid] = doc.rel
        stem = PurePosixPath(doc.rel).stem
        if stem != mid:
            problems.append(Problem("keikaku.id", doc.rel, doc.line_of(("id",)), "id-file-name",
                                    {"id": mid, "file": PurePosixPath(doc.rel).name}))
    by_number: dict[int, list[str]] = {}
    for m in plan.measures:
        by_number.setdefault(m.number, []).append(m.doc.rel)
    for m in plan.measures:
        others = [rel for rel in by_number[m.number] if rel != m.doc.rel]
        if others:
            problems.append(Problem("keikaku.numbering", m.doc.rel, m.doc.line_of(("number",)),
                                    "duplicate-number",
                                    {"number": m.number, "other": "、".join(others)}))
    # A measure file that could not be read is already reported; checks over the
    # whole set (gaps, empty directions) would only repeat that problem.
    incomplete = any(not doc.ok for doc in sources.measures)
    count = len(plan.measures)
    expected = set(range(1, count + 1))
    missing = sorted(expected - set(by_number))
    extra = sorted(set(by_number) - expected)
    if count and (missing or extra) and not incomplete:
        first = plan.measures[0] if not extra else next(
            m for m in plan.measures if m.number == extra[0])
        problems.append(Problem(
            "keikaku.numbering", first.doc.rel, first.doc.line_of(("number",)), "numbering",
            {"count": count, "detail": f"欠番 {missing or 'なし'} / 範囲外 {extra or 'なし'}"},
        ))
    for m in plan.measures:
        expected = {"name": m.name, "area": m.area.name, "field": m.field.name,
                    "direction": m.direction.name if m.direction else ""}
        for key, printed in m.printed.items():
            if printed != expected[key]:
                problems.append(Problem(
                    "keikaku.printed", m.doc.rel, m.doc.line_of(("printed", key)),
                    "printed-mismatch",
                    {"label": f"@label-{key}", "printed": printed, "expected": expected[key]}))
    used = {m.direction.id for m in plan.measures if m.direction is not None}
    mids = {m.id for m in plan.municipalities}
    for ai, area in enumerate(plan.areas):
        for fi, field in enumerate(area.fields):
            for di, d in enumerate(field.directions):
                path = ("areas", ai, "fields", fi, "directions", di)
                if d.id not in used and plan.measures and not incomplete:
                    problems.append(Problem("keikaku.reference", sources.structure.rel,
                                            sources.structure.line_of((*path, "id")),
                                            "empty-direction", {"name": d.name}))
                for role in d.roles:
                    if role not in mids:
                        problems.append(Problem(
                            "keikaku.reference", sources.structure.rel,
                            sources.structure.line_of((*path, "agreement", "roles", role)),
                            "unknown-municipality", {"id": role}))
    for i, cid in enumerate(plan.central_cities):
        if cid not in mids:
            problems.append(Problem("keikaku.reference", sources.plan.rel,
                                    sources.plan.line_of(("central_cities", i)),
                                    "unknown-municipality", {"id": cid}))
    for i, ag in enumerate(plan.agreements):
        for j, mid in enumerate(ag.municipalities):
            if mid not in mids:
                line = sources.plan.line_of(("agreements", i, "municipalities", j))
                problems.append(Problem("keikaku.reference", sources.plan.rel, line,
                                        "unknown-municipality", {"id": mid}))
    problems += _project_groups(plan)
    problems += _errata_links(plan, sources)
    measure_ids = {PurePosixPath(doc.rel).stem for doc in sources.measures} | set(seen_ids)
    for i, entry in enumerate(plan.errata):
        if sources.errata is None:
            break
        if "measure" in entry and entry["measure"] not in measure_ids:
            problems.append(Problem("keikaku.reference", sources.errata.rel,
                                    sources.errata.line_of(("errata", i, "measure")),
                                    "errata-unknown-measure", {"id": entry["measure"]}))
    return problems
