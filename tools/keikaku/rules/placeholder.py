"""Placeholder rule: what ``keikaku new`` wrote and nobody has filled in yet (「未記入」).

A warning while a plan is drafted; not acknowledged, so ``--strict`` (the publishing
build and CI) makes it an error. What ``keikaku init`` leaves in the structure
(docs/data/structure.yaml) is reported the same way. The placeholders come from
``keikaku.placeholders``.
"""

from __future__ import annotations

from ..model import Plan
from ..placeholders import STRUCTURE_TEXTS, TEXTS, kpi_values_unfilled
from ..problems import Problem, Severity


def _structure(plan: Plan) -> list[Problem]:
    """The names and texts of docs/data/structure.yaml that ``keikaku init`` left."""
    doc = plan.sources.get("structure")
    if doc is None:
        return []
    return [Problem("keikaku.placeholder", doc.rel, doc.line_offset + i + 1,
                    "placeholder-structure",
                    {"text": placeholder}, Severity.WARNING)
            for i, line in enumerate(doc.text.split("\n"))
            for placeholder in STRUCTURE_TEXTS if placeholder in line]


def check(plan: Plan) -> list[Problem]:
    problems: list[Problem] = _structure(plan)
    for m in plan.measures:
        doc = m.doc
        for text, first in ((doc.text, doc.line_offset + 1), (doc.body, doc.body_line)):
            for i, line in enumerate(text.split("\n")):
                for placeholder in TEXTS:
                    if placeholder in line:
                        problems.append(Problem("keikaku.placeholder", doc.rel, first + i,
                                                "placeholder-text", {"text": placeholder},
                                                Severity.WARNING))
        for i, k in enumerate(m.kpis):
            if kpi_values_unfilled(k):
                problems.append(Problem("keikaku.placeholder", doc.rel,
                                        doc.line_of(("kpis", i, "baseline", "value")),
                                        "placeholder-kpi-values", {"name": k.name},
                                        Severity.WARNING))
    return problems
