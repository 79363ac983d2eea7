"""Load a plan and run every rule: the one entry point of the CLI, pytest and Sphinx."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .build import build_plan
from .load import read_sources
from .model import Plan
from .problems import Problem, Severity
from .rules import budget, identity, kpi, placeholder, population, prose, revision, wording
from .rules import schema as schema_rule

SCHEMA_OF = {"plan": "plan", "structure": "structure", "population": "population",
             "errata": "errata"}


@dataclass
class Result:
    root: Path
    plan: Plan | None
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    unchecked: int = 0  # files that could not be read or validated (their content unchecked)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


def load_plan(root: Path) -> Result:
    """Read, validate and build the plan under ``root``; collect every problem."""
    root = root.resolve()
    problems: list[Problem] = []
    sources = read_sources(root, problems)
    for name, schema_name in SCHEMA_OF.items():
        problems += schema_rule.check_document(root, getattr(sources, name), schema_name)
    for name in ("comments", "comparison", "glossary"):
        doc = getattr(sources, name)
        if doc is not None:
            problems += schema_rule.check_document(root, doc, name)
    for doc in sources.measures:
        problems += schema_rule.check_document(root, doc, "measure")
    plan = build_plan(sources, problems)
    result = Result(root, plan, problems, files=len(sources.documents()))
    if plan is not None:
        problems += identity.check(plan, sources)
        problems += kpi.check(plan)
        problems += budget.check(plan)
        problems += population.check(plan)
        problems += revision.check(plan, sources)
        read = {doc.rel: [(doc.text, doc.line_offset + 1), (doc.body, doc.body_line)]
                for doc in sources.measures if doc.ok}
        problems += prose.check(plan, root, read)
        problems += placeholder.check(plan)
        glossary = sources.glossary.data if sources.glossary and sources.glossary.ok else None
        problems += wording.check(plan, root, sources, glossary)
    result.unchecked = sum(not doc.ok for doc in sources.documents())
    problems.sort(key=lambda p: (p.file, p.line or 0, p.code))
    return result
