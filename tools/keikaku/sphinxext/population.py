"""Population and land-area tables, rendered from data with the rates recomputed."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..eras import ERA_NAME, FIRST_YEAR, to_era
from ..model import AGE_GROUPS, Plan, PopulationTable
from ..numbers import fmt_number, fmt_rate, ratio, round_to
from ..rules.population import SPHERE, computed_rates
from .state import note_data_dependencies, plan_for
from .tables import Cell, Span, table
from .texts import site_lang, site_text

# 令和 → R, as the tables' headings abbreviate an era: the era notation of the data.
ERA_SHORT = {name: short for short, name in ERA_NAME.items()}
# A table whose years are fiscal ones (population.yaml's era_suffix, the data's wording).
FISCAL_SUFFIX = "年度"


def _era_short(year: int, suffix: str) -> str:
    """2020 → R2年 (or R2年度, with the table's own suffix), as the headings print it."""
    era, n = to_era(year)
    return f"{ERA_SHORT.get(era, era)}{FIRST_YEAR if n == 1 else n}{suffix}"


def _area_name(plan: Plan, key: str, lang: str) -> str:
    return site_text("sphere-total", lang) if key == SPHERE else plan.municipality_name(key)


def population_table(plan: Plan, t: PopulationTable, aging_row: bool,
                     lang: str = "ja") -> nodes.table:
    years = t.years
    digits, method = t.rounding_digits, t.rounding_method
    header = [
        [site_text("municipality", lang), site_text("category", lang),
         *(site_text("year", lang, year=y) for y in years),
         site_text("change-rate-percent" if t.era_suffix == FISCAL_SUFFIX else "change-rate",
                   lang), site_text("population-share", lang)],
        ["", "", *(site_text("bracketed", lang, text=_era_short(y, t.era_suffix))
                   for y in years),
         site_text("compared-with", lang, base=_era_short(t.base_year, "")),
         _era_short(t.share_year, "")],
    ]
    rows: list[list[Cell | Span]] = []
    order = [m.id for m in plan.municipalities if m.id in t.rows] + [SPHERE]
    for key in order:
        rates = computed_rates(t, key)
        groups = [*AGE_GROUPS, "total"]
        span = len(groups) + (1 if aging_row else 0)
        for i, g in enumerate(groups):
            row: list[Cell | Span] = []
            if i == 0:
                row.append(Span(_area_name(plan, key, lang), rows=span))
            row.append(site_text("total" if g == "total" else f"age-{g}", lang))
            row += [Span(fmt_number(t.rows[key][y][g]), classes=["num"]) for y in years]
            change = rates["change_rate"].get(g)
            row.append(Span(fmt_rate(round_to(change, digits, method), digits)
                            if change is not None else "", classes=["num"]))
            share = rates["share"].get(g)
            row.append(Span(f"{fmt_number(round_to(share, digits, method), digits)}%"
                            if share is not None else "", classes=["num"]))
            rows.append(row)
        if aging_row:
            rows.append([site_text("aging-rate", lang), *[
                Span(f"{fmt_number(round_to(rates['aging_rate'][y], digits, method), digits)}%",
                     classes=["num"]) for y in years], "", ""])
    return table([2, 2] + [2] * len(years) + [2, 2], rows, header=header,
                 classes=["keikaku-population"], caption=t.title)


class PopulationTableDirective(SphinxDirective):
    """``{population-table} projection|prospect``: the table with its rates recomputed."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env, measures=False)
        plan = plan_for(self.env)
        if self.arguments[0] not in ("projection", "prospect"):
            raise self.error(f"no population table {self.arguments[0]!r}")
        if plan.population is None:  # a plan without population.yaml: nothing to show
            return []
        t = getattr(plan.population, self.arguments[0])
        lang = site_lang(self)
        out: list[nodes.Node] = [population_table(plan, t, aging_row=t.key == "prospect",
                                                   lang=lang)]
        if t.note:
            for line in t.note.split("\n"):
                out.append(nodes.paragraph(text=site_text("table-note", lang, note=line),
                                           classes=["keikaku-table-note"]))
        return out


class LandAreaTable(SphinxDirective):
    """``{land-area-table}``: 面積 and 構成比 by municipality, the total summed from them."""

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env, measures=False)
        plan = plan_for(self.env)
        la = plan.land_area
        if la is None:  # a plan without the table: nothing to show
            return []
        lang = site_lang(self)
        values = [la["values"][m.id] for m in plan.municipalities]
        total = sum(round_to(v, 2) for v in values)
        shares = [fmt_number(round_to(ratio(v, total), 1), 1) + "%" for v in values]
        rows: list[list[Cell | Span]] = [
            [site_text("land-area", lang),
             *[Span(fmt_number(round_to(v, 2), 2), classes=["num"]) for v in values],
             Span(fmt_number(total, 2), classes=["num"])],
            [site_text("land-share", lang), *[Span(s, classes=["num"]) for s in shares],
             Span("100.0%", classes=["num"])],
        ]
        return [table([2] + [2] * (len(values) + 1), rows,
                      header=[[site_text("category", lang),
                               *(m.name for m in plan.municipalities),
                               site_text("sphere-total", lang)]],
                      classes=["keikaku-land-area"],
                      caption=site_text("land-area-caption", lang, unit=la["unit"]))]
