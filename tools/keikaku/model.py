"""Typed records of the plan. Built from schema-valid documents only."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .load import Document

AGE_GROUPS = ("age_0_14", "age_15_64", "age_65_plus")


# The ``projects`` key of a measure for projects of the whole sphere (【共通】).
COMMON = "common"
# What a reader sees for an actual written as null, and for a budget year written as null.
NOT_AVAILABLE = "未把握"
UNDECIDED = "未定"

# Units a KPI may use when the plan lists none (plan.yaml ``kpi_units``).
DEFAULT_KPI_UNITS = ("人", "人回", "社", "件", "%", "回", "台", "組", "事業", "人/年",
                     "頭", "千人", "円", "箇所")

# Card and table wording of the national template, which a plan may override
# (plan.yaml ``labels``); ``{n}`` is the number of years of the plan period.
DEFAULT_LABELS = {
    "budget_total": "{n}年間合計",
    # the rows of the measure card (施策カード), in its order
    "card_name": "施策名", "card_area": "連携する事項", "card_field": "政策分野",
    "card_direction": "政策の内容", "card_sdgs": "SDGsとの関連性", "card_content": "取組内容",
    "card_kpis": "成果指標（KPI）", "card_municipalities": "関係市町",
    "card_budget": "実施年度・事業費", "card_projects": "事業名称", "card_effect": "事業効果",
    "card_roles": "役割分担",
}


@dataclass(frozen=True)
class Municipality:
    id: str
    name: str
    prefecture: str | None = None


@dataclass(frozen=True)
class Agreement:
    """定住自立圏形成協定: its name, the municipalities that signed it and the date."""

    name: str
    municipalities: tuple[str, ...]
    signed: date


@dataclass
class Direction:
    """施策展開の基本的方向 with its 協定の内容."""

    id: str
    name: str
    field: PolicyField
    content: str
    roles: dict[str, str]
    index: int = 0  # 1-based position within its field (①, ②, …)
    errata: dict[str, str] = field(default_factory=dict)  # check code -> errata id

    @property
    def area(self) -> Area:
        return self.field.area


@dataclass
class PolicyField:
    """政策分野."""

    id: str
    name: str
    area: Area
    directions: list[Direction] = field(default_factory=list)
    index: int = 0  # 1-based position within its area ((１), (２), …)


@dataclass
class Area:
    """The three policy areas (生活機能の強化, …)."""

    id: str
    name: str
    fields: list[PolicyField] = field(default_factory=list)
    index: int = 0


@dataclass(frozen=True)
class Component:
    name: str
    value: float


@dataclass(frozen=True)
class Derivation:
    numerator: tuple[Component, ...]
    denominator: tuple[Component, ...]
    unit: str
    scale: float
    rounding_method: str
    rounding_digits: int
    source: str | None

    @property
    def numerator_total(self) -> float:
        return sum(c.value for c in self.numerator)

    @property
    def denominator_total(self) -> float:
        return sum(c.value for c in self.denominator)


@dataclass(frozen=True)
class KpiValue:
    fiscal_year: int
    value: float
    derivation: Derivation | None = None


@dataclass(frozen=True)
class Actual:
    """実績値 of one fiscal year: ``value`` None is 未把握 (``note`` says why);
    ``parts`` are a derivation KPI's numerator and denominator of that year."""

    fiscal_year: int
    value: float | None
    note: str | None = None
    parts: tuple[tuple[Component, ...], tuple[Component, ...]] | None = None


@dataclass(frozen=True)
class Kpi:
    name: str
    unit: str
    higher_is_better: bool
    baseline: KpiValue
    target: KpiValue
    target_reason: str | None = None
    actuals: tuple[Actual, ...] = ()  # by fiscal year, as written


@dataclass
class Measure:
    """One measure card (具体的な取組)."""

    id: str
    number: int
    name: str
    direction: Direction | None  # None: a plan whose field has no directions
    kpis: list[Kpi]
    budget: dict[int, int | None]  # None: 未定 (not yet fixed; a note names the year)
    budget_breakdown: dict[str, dict[int, int]]
    projects: dict[str, list[str]]
    sdgs: list[int]
    notes: list[str]
    printed: dict[str, str]
    content: str
    effect: str
    roles: str
    doc: Document
    # Findings of keikaku check recorded in the errata as printed: check code -> errata id.
    errata: dict[str, str] = field(default_factory=dict)
    # The field of a measure placed directly under it (``field:``, no direction level).
    in_field: PolicyField | None = None

    @property
    def field(self) -> PolicyField:
        if self.direction is not None:
            return self.direction.field
        assert self.in_field is not None
        return self.in_field

    @property
    def area(self) -> Area:
        return self.field.area

    @property
    def place(self) -> Direction | PolicyField:
        """Where the measure sits: its direction, or its field when that has none."""
        return self.direction if self.direction is not None else self.field

    @property
    def budget_total(self) -> int:
        """The sum of the fixed years (未定 years left out)."""
        return sum(v for v in self.budget.values() if v is not None)

    @property
    def undecided_years(self) -> list[int]:
        """The years whose budget is 未定 (null)."""
        return sorted(y for y, v in self.budget.items() if v is None)


@dataclass
class PopulationTable:
    """A population table: rows[area_key][year][group].

    area_key is a municipality id or 'sphere'."""

    key: str
    title: str
    note: str | None
    base_year: int
    share_year: int
    rounding_method: str
    rounding_digits: int
    census_years: list[int]
    rows: dict[str, dict[int, dict[str, int]]]
    stated: dict[str, Any]
    era_suffix: str = "年"
    errata: dict[str, str] = field(default_factory=dict)  # check code -> errata id

    @property
    def years(self) -> list[int]:
        return sorted(self.rows["sphere"])


@dataclass(frozen=True)
class PopulationTarget:
    """A target stated as 「程度」, with the tolerance that implies."""

    year: int
    population: int
    population_tolerance: float
    aging_rate: float
    aging_rate_tolerance: float
    errata: str | None = None


@dataclass
class Population:
    projection: PopulationTable
    prospect: PopulationTable
    targets: list[PopulationTarget]
    doc: Document


@dataclass
class Plan:
    """The whole plan."""

    name: str
    sphere: str
    central_cities: list[str]
    municipalities: list[Municipality]
    period_start: int
    period_end: int
    base_year: int
    target_year: int
    agreements: list[Agreement]
    budget_unit: str
    budget_note: str | None
    land_area: dict[str, Any] | None
    areas: list[Area]
    measures: list[Measure]
    population: Population | None
    errata: list[dict[str, Any]]
    raw: dict[str, Any]  # the data files as read, for {value} references
    sources: dict[str, Document]  # the data files' documents, for locations
    comments: dict[str, Any] | None = None  # docs/data/comments.yaml, when present and valid
    comparison: dict[str, Any] | None = None  # docs/data/comparison.yaml, likewise
    # Parts that exist but could not be read or validated ("population", "comments", ...,
    # "measures.<id>"): a reference to one is not a second problem.
    unreadable: frozenset[str] = frozenset()
    # measure(): the measures by id, made on first use (a scan per lookup made the site
    # of N measures, which looks each card's measure up, cost N²).
    _by_id: dict[str, Measure] = field(default_factory=dict, init=False, repr=False,
                                       compare=False)
    as_of: date | None = None  # the date the actuals are current to (plan.yaml as_of)
    grading: dict[str, Any] | None = None  # plan.yaml grading; None: keikaku.progress's default
    kpi_units: tuple[str, ...] = DEFAULT_KPI_UNITS
    labels: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_LABELS))
    source_notes: dict[str, str] = field(default_factory=dict)

    def recorded(self, links: dict[str, str] | None, code: str) -> str | None:
        """The errata id that ``links`` (a location's ``errata:`` mapping) names for the
        finding ``code``, if that entry exists: the finding is then acknowledged."""
        eid = (links or {}).get(code)
        return eid if eid and any(e.get("id") == eid for e in self.errata) else None

    def is_unreadable(self, path: str) -> bool:
        """Whether a reference (a measure id as "measures.<id>", a {value} path) points
        into a part that could not be read."""
        head, _, rest = path.partition(".")
        return head in self.unreadable or (
            head == "measures" and f"measures.{rest.split('.', 1)[0]}" in self.unreadable)

    @property
    def fiscal_years(self) -> list[int]:
        return list(range(self.period_start, self.period_end + 1))

    def budget_totals(self) -> dict[str, int]:
        """The plan's budget per fiscal year ("2024": …) and over the period ("total"),
        未定 years left out."""
        totals = {str(y): sum(m.budget.get(y) or 0 for m in self.measures)
                  for y in self.fiscal_years}
        totals["total"] = sum(totals.values())
        return totals

    def label(self, key: str) -> str:
        """A card or table heading: the plan's wording or the national template's."""
        text = self.labels.get(key) or DEFAULT_LABELS[key]
        return text.replace("{n}", str(len(self.fiscal_years)))

    @property
    def municipality_ids(self) -> list[str]:
        return [m.id for m in self.municipalities]

    def municipality_name(self, mid: str) -> str:
        for m in self.municipalities:
            if m.id == mid:
                return m.name
        return mid

    def directions(self) -> list[Direction]:
        return [d for a in self.areas for f in a.fields for d in f.directions]

    def fields(self) -> list[PolicyField]:
        return [f for a in self.areas for f in a.fields]

    def measure(self, mid: str) -> Measure | None:
        """The first measure of that id. The index is made again when the number of
        measures changes (with two measures of one id, at every lookup: a scan)."""
        if len(self._by_id) != len(self.measures):
            self._by_id.clear()
            for m in self.measures:
                self._by_id.setdefault(m.id, m)
        return self._by_id.get(mid)

    def measures_of(self, place: Direction | PolicyField) -> list[Measure]:
        """The measures under a direction, or directly under a field without directions."""
        return [m for m in self.measures if m.place is place]

    def groups(self, field: PolicyField) -> list[tuple[Direction | None, list[Measure]]]:
        """A field's directions with their measures; a field without directions is one
        group (None) of the measures placed directly under it."""
        if not field.directions:
            return [(None, self.measures_of(field))]
        return [(d, self.measures_of(d)) for d in field.directions]
