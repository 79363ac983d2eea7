"""Population rules: age groups sum to totals, municipalities to the sphere,
stated rates equal the recomputed ones under the table's rounding, and targets
stated as 「程度」 lie within their declared tolerance of the table; census years are
calendar years, not fiscal years (年度)."""

from __future__ import annotations

from decimal import Decimal

from ..model import AGE_GROUPS, Plan, Population, PopulationTable
from ..numbers import fmt_number, ratio, round_to, to_decimal
from ..problems import Problem, Severity

SPHERE = "sphere"


def _where(plan: Plan, area: str) -> str:
    return "圏域合計" if area == SPHERE else plan.municipality_name(area)


def _sums(plan: Plan, pop: Population, t: PopulationTable) -> list[Problem]:
    out = []
    doc = pop.doc
    years = sorted(t.rows[SPHERE])
    for area, rows in t.rows.items():
        if sorted(rows) != years:
            out.append(Problem("keikaku.population-sum", doc.rel,
                               doc.line_of((t.key, "rows", area)), "population-years",
                               {"table": t.title, "where": _where(plan, area),
                                "years": ", ".join(map(str, sorted(rows)))}))
            continue
        for year, cell in rows.items():
            computed = sum(cell[g] for g in AGE_GROUPS)
            if computed != cell["total"]:
                out.append(Problem("keikaku.population-sum", doc.rel,
                                   doc.line_of((t.key, "rows", area, year)), "population-sum",
                                   {"table": t.title, "where": _where(plan, area), "year": year,
                                    "computed": fmt_number(computed),
                                    "stated": fmt_number(cell["total"])}))
    parts = [a for a in t.rows if a != SPHERE]
    for year in years:
        for group in (*AGE_GROUPS, "total"):
            try:
                computed = sum(t.rows[a][year][group] for a in parts)
            except KeyError:
                continue
            stated = t.rows[SPHERE][year][group]
            if computed != stated:
                out.append(Problem("keikaku.population-sum", doc.rel,
                                   doc.line_of((t.key, "rows", SPHERE, year)),
                                   "population-sphere",
                                   {"table": t.title, "year": year, "group": group,
                                    "computed": fmt_number(computed),
                                    "stated": fmt_number(stated)}))
    return out


def computed_rates(t: PopulationTable, area: str) -> dict[str, dict]:
    """Every rate the table prints, recomputed exactly (before rounding)."""
    rows = t.rows[area]
    base, end = rows.get(t.base_year), rows.get(t.share_year)
    out: dict[str, dict] = {"change_rate": {}, "share": {}, "aging_rate": {}}
    if base and end:
        for g in (*AGE_GROUPS, "total"):
            if base[g]:
                out["change_rate"][g] = ratio(end[g] - base[g], base[g])
        for g in AGE_GROUPS:
            out["share"][g] = ratio(end[g], end["total"])
    for year, cell in rows.items():
        out["aging_rate"][year] = ratio(cell["age_65_plus"], cell["total"])
    return out


def _rates(plan: Plan, pop: Population, t: PopulationTable) -> list[Problem]:
    out = []
    doc = pop.doc
    for rate, per_area in t.stated.items():
        for area, stated_values in per_area.items():
            if area not in t.rows:
                continue
            computed = computed_rates(t, area)[rate]
            for key, stated in stated_values.items():
                k = int(key) if rate == "aging_rate" else key
                if k not in computed:
                    continue
                value = round_to(computed[k], t.rounding_digits, t.rounding_method)
                if value != round_to(stated, t.rounding_digits):
                    out.append(Problem(
                        "keikaku.population-rate", doc.rel,
                        doc.line_of((t.key, "stated", rate, area, key)), "population-rate",
                        {"table": t.title, "where": _where(plan, area), "rate": f"@rate-{rate}",
                         "group": key, "computed": fmt_number(value, t.rounding_digits),
                         "stated": fmt_number(stated, t.rounding_digits)}))
    return out


def _targets(pop: Population) -> list[Problem]:
    out = []
    t = pop.prospect
    for i, target in enumerate(pop.targets):
        cell = t.rows[SPHERE].get(target.year)
        if cell is None:
            continue
        aging = round_to(ratio(cell["age_65_plus"], cell["total"]), t.rounding_digits)
        for name, stated, computed, tolerance, unit in (
            ("population", target.population, cell["total"], target.population_tolerance, "人"),
            ("aging_rate", target.aging_rate, aging, target.aging_rate_tolerance, "%"),
        ):
            if abs(to_decimal(stated) - to_decimal(computed)) > to_decimal(tolerance):
                out.append(Problem(
                    "keikaku.population-target", pop.doc.rel,
                    pop.doc.line_of(("targets", i, name, "value")),
                    "population-target-recorded" if target.errata else "population-target",
                    {"year": target.year, "name": f"@target-{name}",
                     "stated": fmt_number(stated), "computed": fmt_number(computed),
                     "tolerance": fmt_number(tolerance), "unit": unit,
                     "errata": target.errata},
                    Severity.WARNING if target.errata else Severity.ERROR,
                    acknowledged=bool(target.errata),
                ))
    return out


def _census(plan: Plan, pop: Population, t: PopulationTable) -> list[Problem]:
    """A census counts the population on a day of a calendar year (2020年（R2年）): a table
    that labels its census years 年度 (fiscal years) says something else."""
    if t.era_suffix != "年度" or not t.census_years:
        return []
    erratum = plan.recorded(t.errata, "keikaku.census-year")
    params = {"table": t.title, "years": "、".join(map(str, t.census_years)),
              "errata": erratum}
    return [Problem("keikaku.census-year", pop.doc.rel, pop.doc.line_of((t.key, "era_suffix")),
                    "census-year-recorded" if erratum else "census-year", params,
                    Severity.WARNING if erratum else Severity.ERROR, acknowledged=bool(erratum))]


def _land_area(plan: Plan) -> list[Problem]:
    """The 面積 table: the total is the sum, the shares are recomputed to one decimal."""
    la, doc = plan.land_area, plan.sources["plan"]
    if la is None:
        return []
    out = []
    values = {k: to_decimal(v) for k, v in la["values"].items()}
    total = sum(values.values())
    if round_to(total, 2) != round_to(la["total"], 2):
        out.append(Problem("keikaku.land-area", doc.rel, doc.line_of(("land_area", "total")),
                           "land-area-total", {"stated": fmt_number(la["total"]),
                                               "computed": fmt_number(total)}))
    for key, stated in la["shares"].items():
        computed = round_to(ratio(values[key], total), 1) if key in values else Decimal(100)
        if round_to(stated, 1) != computed:
            out.append(Problem(
                "keikaku.land-area", doc.rel, doc.line_of(("land_area", "shares", key)),
                "land-area-share",
                {"where": plan.municipality_name(key) if key in values else "圏域合計",
                 "stated": fmt_number(round_to(stated, 1), 1),
                 "computed": fmt_number(computed, 1)}))
    return out


def check(plan: Plan) -> list[Problem]:
    problems = _land_area(plan)
    pop = plan.population
    if pop is None:
        return problems
    for t in (pop.projection, pop.prospect):
        problems += _sums(plan, pop, t)
        problems += _rates(plan, pop, t)
        problems += _census(plan, pop, t)
    problems += _targets(pop)
    return problems
