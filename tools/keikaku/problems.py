"""Problems found in a plan, and the catalogue of their stable codes.

A problem states its location first and its code last, as
``measures/x.md:12: ... [keikaku.kpi-year]``; the code can be looked up in
``CODES`` (and in docs/checks.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from .messages import MESSAGES, render


def localize(value: object, lang: str) -> object:
    """A message parameter in ``lang``: '@key' names a message (any other text, even one
    starting with '@', is data), a dict is a 'did you mean' hint, None is empty, and an
    object with ``render(lang)`` renders itself."""
    if isinstance(value, str) and value.startswith("@") and value[1:] in MESSAGES:
        return render(value[1:], lang)  # data that merely starts with '@' stays as written
    if isinstance(value, dict):
        return render("did-you-mean", lang, **value)
    if value is None:
        return ""
    if hasattr(value, "render"):
        return value.render(lang)
    return value


class Phrase:
    """A message parameter made of a catalogue entry and a fixed suffix
    (「パブリックコメント 27」 / "public comments 27")."""

    def __init__(self, key: str, suffix: str = "") -> None:
        self.key, self.suffix = key, suffix

    def render(self, lang: str) -> str:
        return render(self.key, lang) + self.suffix


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


# Every code a rule may emit, with the family (module in keikaku.rules) that
# emits it. Codes are stable: never rename one, add a new one instead.
CODES: dict[str, str] = {
    "keikaku.read": "load",
    "keikaku.yaml": "load",
    "keikaku.front-matter": "load",
    "keikaku.schema": "schema",
    "keikaku.body": "schema",
    "keikaku.id": "identity",
    "keikaku.numbering": "identity",
    "keikaku.reference": "identity",
    "keikaku.printed": "identity",
    "keikaku.unknown-municipality": "identity",
    "keikaku.kpi-year": "kpi",
    "keikaku.kpi-unit": "kpi",
    "keikaku.kpi-derivation": "kpi",
    "keikaku.kpi-target": "kpi",
    "keikaku.kpi-unchanged": "kpi",
    "keikaku.kpi-outlier": "kpi",
    "keikaku.kpi-project": "kpi",
    "keikaku.actual-year": "actuals",
    "keikaku.actual-note": "actuals",
    "keikaku.actual-missing": "actuals",
    "keikaku.actual-derivation": "actuals",
    "keikaku.grading": "actuals",
    "keikaku.budget-years": "budget",
    "keikaku.budget-zero": "budget",
    "keikaku.budget-sum": "budget",
    "keikaku.budget-outlier": "budget",
    "keikaku.budget-undecided": "budget",
    "keikaku.land-area": "population",
    "keikaku.population-sum": "population",
    "keikaku.population-rate": "population",
    "keikaku.population-target": "population",
    "keikaku.census-year": "population",
    "keikaku.comment-count": "revision",
    "keikaku.comment-item": "revision",
    "keikaku.comparison": "revision",
    "keikaku.quote": "quote",
    "keikaku.archive": "quote",
    "keikaku.value-path": "prose",
    "keikaku.field-name": "terms",
    "keikaku.role-cost": "roles",
    "keikaku.raw-html": "markup",
    "keikaku.era": "dates",
    "keikaku.weekday": "dates",
    "keikaku.placeholder": "placeholder",
    "keikaku.number-unclassified": "numbers",
    "keikaku.fact-constant": "numbers",
    "keikaku.derivation-source": "numbers",
    "keikaku.derivation-restated": "numbers",
    "keikaku.wording-variant": "wording",
    "keikaku.proper-noun": "wording",
    "keikaku.sphere-wording": "wording",
    "keikaku.width": "wording",
    "keikaku.spacing": "wording",
    "keikaku.sentence-end": "wording",
}


@dataclass(frozen=True)
class Problem:
    """One problem: where, what (a message key and its parameters), which rule."""

    code: str
    file: str
    line: int | None
    key: str
    params: dict[str, object] = field(default_factory=dict, hash=False, compare=False)
    severity: Severity = Severity.ERROR
    # A warning whose reason is recorded in the data (target_reason, an errata entry, a
    # text kept as printed): a person has looked at it, so --strict leaves it a warning.
    acknowledged: bool = False

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown problem code {self.code!r}")

    def message(self, lang: str = "ja") -> str:
        return render(self.key, lang, **{k: localize(v, lang) for k, v in self.params.items()})

    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def format(self, lang: str = "ja") -> str:
        label = render(f"severity-{self.severity.value}", lang)
        return f"{self.location()}: {label}: {self.message(lang)} [{self.code}]"

    def as_dict(self, lang: str = "ja") -> dict[str, object]:
        return {
            "code": self.code,
            "file": self.file,
            "line": self.line,
            "severity": self.severity.value,
            "message": self.message(lang),
        }


def strict(problems: list[Problem]) -> list[Problem]:
    """The problems under --strict (the publishing build and CI): a warning nobody has
    acknowledged (a placeholder still to fill in, ...) is an error; an acknowledged one
    stays a warning."""
    return [replace(p, severity=Severity.ERROR)
            if p.severity is Severity.WARNING and not p.acknowledged else p
            for p in problems]
