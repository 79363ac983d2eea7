"""Schema-valid documents -> the typed ``Plan``. Reference problems are reported here."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import PurePosixPath
from typing import Any

from .load import Document, Sources, split_body
from .model import (
    DEFAULT_KPI_UNITS,
    DEFAULT_LABELS,
    Actual,
    Agreement,
    Area,
    Component,
    Derivation,
    Direction,
    Kpi,
    KpiValue,
    Measure,
    Municipality,
    Plan,
    PolicyField,
    Population,
    PopulationTable,
    PopulationTarget,
)
from .problems import Problem


def _structure(doc: Document, problems: list[Problem]) -> list[Area]:
    areas: list[Area] = []
    # Areas, fields and directions are three namespaces: a measure names a direction,
    # or a field that has none, by its key.
    seen: dict[str, set[str]] = {"areas": set(), "fields": set(), "directions": set()}

    def unique(kind_path: tuple[object, ...], ident: str) -> None:
        kind = str(kind_path[-3])
        if ident in seen[kind]:
            problems.append(Problem("keikaku.id", doc.rel, doc.line_of(kind_path),
                                    "duplicate-structure-id", {"id": ident}))
        seen[kind].add(ident)

    for ai, a in enumerate(doc.data["areas"]):
        unique(("areas", ai, "id"), a["id"])
        area = Area(a["id"], a["name"], index=ai + 1)
        for fi, f in enumerate(a["fields"]):
            unique(("areas", ai, "fields", fi, "id"), f["id"])
            pf = PolicyField(f["id"], f["name"], area, index=fi + 1)
            for di, d in enumerate(f.get("directions", [])):
                unique(("areas", ai, "fields", fi, "directions", di, "id"), d["id"])
                ag = d["agreement"]
                pf.directions.append(
                    Direction(d["id"], d["name"], pf, ag["content"], dict(ag["roles"]),
                              index=di + 1, errata=dict(ag.get("errata", {})))
                )
            area.fields.append(pf)
        areas.append(area)
    return areas


def _derivation(raw: dict[str, Any] | None) -> Derivation | None:
    if not raw:
        return None
    return Derivation(
        numerator=tuple(Component(c["name"], c["value"]) for c in raw["numerator"]),
        denominator=tuple(Component(c["name"], c["value"]) for c in raw["denominator"]),
        unit=raw["unit"],
        scale=raw.get("scale", 100),
        rounding_method=raw["rounding"]["method"],
        rounding_digits=raw["rounding"]["digits"],
        source=raw.get("source"),
    )


def _kpi_value(raw: dict[str, Any], default_year: int) -> KpiValue:
    return KpiValue(raw.get("fiscal_year", default_year), raw["value"],
                    _derivation(raw.get("derivation")))


def _unknown(doc: Document, key: str, ident: str, known: list[str],
             problems: list[Problem]) -> None:
    close = difflib.get_close_matches(ident, known, n=1)
    problems.append(Problem(
        "keikaku.reference", doc.rel, doc.line_of((key,)), f"unknown-{key}",
        {"id": ident, "hint": {"name": close[0]} if close else None},
    ))


def _actuals(raw: dict[Any, Any] | None) -> tuple[Actual, ...]:
    out = []
    for year, entry in (raw or {}).items():
        if isinstance(entry, dict):
            parts = None
            if "numerator" in entry and "denominator" in entry:
                parts = (tuple(Component(c["name"], c["value"]) for c in entry["numerator"]),
                         tuple(Component(c["name"], c["value"]) for c in entry["denominator"]))
            out.append(Actual(int(year), entry["value"], entry.get("note"), parts))
        else:
            out.append(Actual(int(year), entry))
    return tuple(out)


def _measure(doc: Document, directions: dict[str, Direction],
             fields: dict[str, PolicyField], years: tuple[int, int],
             problems: list[Problem]) -> Measure | None:
    d = doc.data
    body = split_body(doc, problems)
    direction, in_field = None, None
    if "direction" in d:
        direction = directions.get(d["direction"])
        if direction is None:
            _unknown(doc, "direction", d["direction"], list(directions), problems)
            return None
    else:
        # only a field without directions holds measures directly
        leaves = {k: f for k, f in fields.items() if not f.directions}
        in_field = leaves.get(d["field"])
        if in_field is None:
            _unknown(doc, "field", d["field"], list(leaves), problems)
            return None
    kpis = [
        Kpi(k["name"], k["unit"], k["higher_is_better"], _kpi_value(k["baseline"], years[0]),
            _kpi_value(k["target"], years[1]), k.get("target_reason"), _actuals(k.get("actuals")))
        for k in d.get("kpis", [])
    ]
    return Measure(
        id=d["id"], number=d["number"], name=d["name"], direction=direction, kpis=kpis,
        in_field=in_field,
        budget={int(y): v for y, v in d["budget"].items()},
        budget_breakdown={part: {int(y): v for y, v in years.items()}
                          for part, years in d.get("budget_breakdown", {}).items()},
        projects={k: list(v) for k, v in d["projects"].items()},
        sdgs=list(d["sdgs"]), notes=list(d.get("notes", [])),
        printed=dict(d.get("printed", {})),
        content=body["content"], effect=body["effect"], roles=body["roles"], doc=doc,
        errata=dict(d.get("errata", {})),
    )


def _table(key: str, raw: dict[str, Any]) -> PopulationTable:
    return PopulationTable(
        key=key, title=raw["title"], note=raw.get("note"), base_year=raw["base_year"],
        share_year=raw["share_year"], rounding_method=raw["rounding"]["method"],
        rounding_digits=raw["rounding"]["digits"], census_years=list(raw.get("census_years", [])),
        rows={area: {int(y): dict(g) for y, g in years.items()}
              for area, years in raw["rows"].items()},
        stated=raw["stated"], era_suffix=raw.get("era_suffix", "年"),
        errata=dict(raw.get("errata", {})),
    )


def _population(doc: Document) -> Population:
    d = doc.data
    return Population(
        projection=_table("projection", d["projection"]),
        prospect=_table("prospect", d["prospect"]),
        targets=[
            PopulationTarget(t["year"], t["population"]["value"], t["population"]["tolerance"],
                             t["aging_rate"]["value"], t["aging_rate"]["tolerance"],
                             t.get("errata"))
            for t in d["targets"]
        ],
        doc=doc,
    )


def build_plan(sources: Sources, problems: list[Problem]) -> Plan | None:
    """The plan from valid documents; ``None`` if the plan or structure file is unusable."""
    if not (sources.plan.ok and sources.structure.ok):
        return None
    p = sources.plan.data
    areas = _structure(sources.structure, problems)
    directions = {d.id: d for a in areas for f in a.fields for d in f.directions}
    fields = {f.id: f for a in areas for f in a.fields}
    years = (p["base_year"], p["target_year"])
    measures = []
    for doc in sources.measures:
        m = _measure(doc, directions, fields, years, problems) if doc.ok else None
        if m is not None:
            measures.append(m)
        else:
            doc.ok = False  # its problem is reported; its content is not checked further
    measures.sort(key=lambda m: (m.number, m.id))
    # A plan written before the general form (a published/* tag that keikaku diff
    # reads) has one central_city and one agreement.
    central = p["central_cities"] if "central_cities" in p else [p["central_city"]]
    agreements = [Agreement(a["name"], tuple(a.get("municipalities", ())),
                            _date(a["signed"]))
                  for a in (p["agreements"] if "agreements" in p
                            else [p["agreement"]] if "agreement" in p
                            else [])]  # a plan just begun (keikaku init): none transcribed yet
    raw = {"plan": p, "structure": sources.structure.data}
    population, errata = sources.population, sources.errata
    if population is not None and population.ok:
        raw["population"] = population.data
    if sources.facts is not None and sources.facts.ok:
        raw["facts"] = _facts(sources, problems)
    return Plan(
        name=p["name"], sphere=p["sphere"], central_cities=list(central),
        municipalities=[Municipality(m["id"], m["name"], m.get("prefecture"))
                        for m in p["municipalities"]],
        period_start=p["period"]["start"], period_end=p["period"]["end"],
        base_year=p["base_year"], target_year=p["target_year"],
        agreements=agreements,
        budget_unit=p["budget_unit"], budget_note=p.get("budget_note"),
        land_area=p.get("land_area"),
        areas=areas, measures=measures,
        population=_population(population) if population and population.ok else None,
        errata=list(errata.data["errata"]) if errata and errata.ok else [],
        raw=raw,
        sources={"plan": sources.plan, "structure": sources.structure,
                 **({"population": population} if population else {}),
                 **({"errata": errata} if errata else {}),
                 **({"comments": sources.comments}
                    if sources.comments and sources.comments.ok else {})},
        comments=sources.comments.data if sources.comments and sources.comments.ok else None,
        comparison=(sources.comparison.data
                    if sources.comparison and sources.comparison.ok else None),
        unreadable=_unreadable(sources),
        as_of=_date(p.get("as_of")), grading=p.get("grading"),
        kpi_units=tuple(p.get("kpi_units") or DEFAULT_KPI_UNITS),
        labels={**DEFAULT_LABELS, **p.get("labels", {})},
        source_notes=dict(p.get("source_notes", {})),
    )


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def _unreadable(sources: Sources) -> frozenset[str]:
    """What exists but could not be read, validated or built: references to it are not
    reported again (its own problem already is)."""
    out = {name for name in ("population", "errata", "comments", "comparison", "facts")
           if getattr(sources, name) is not None and not getattr(sources, name).ok}
    for doc in sources.measures:
        if not doc.ok:
            out.add(f"measures.{PurePosixPath(doc.rel).stem}")
            if isinstance(doc.data, dict) and isinstance(doc.data.get("id"), str):
                out.add(f"measures.{doc.data['id']}")
    return frozenset(out)


def _facts(sources: Sources, problems: list[Problem]) -> dict[str, Any]:
    """The facts of facts.yaml, each with its value: a fact that names a ``constant`` of
    the code takes its value from there (one that is not there is a problem)."""
    from .constants import read

    doc = sources.facts
    out: dict[str, Any] = {}
    for name, fact in doc.data["facts"].items():
        if "constant" in fact:
            value = read(sources.root, fact["constant"])
            if value is None:
                problems.append(Problem("keikaku.fact-constant", doc.rel,
                                        doc.line_of(("facts", name, "constant")),
                                        "fact-constant", {"name": name,
                                                          "constant": fact["constant"]}))
            fact = {**fact, "value": value}
        out[name] = fact
    return out
