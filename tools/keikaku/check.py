"""Load a plan and run every rule: the one entry point of the CLI, pytest and Sphinx."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .archive import Archive
from .build import build_plan
from .load import Document, Sources, read_measure_file, read_sources
from .model import Plan
from .problems import Problem, Severity
from .rules import (
    actuals,
    budget,
    identity,
    kpi,
    markup,
    numbers,
    placeholder,
    population,
    prose,
    quote,
    revision,
    roles,
    terms,
    wording,
)
from .rules import schema as schema_rule

SCHEMA_OF = {"plan": "plan", "structure": "structure"}


@dataclass
class Result:
    root: Path
    plan: Plan | None
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    unchecked: int = 0  # files that could not be read or validated (their content unchecked)
    audit: Any = None  # keikaku.audit.Audit: every number of the text and its class
    archive: Archive | None = None  # the archived source the quotes are checked against
    # Files (relative paths) that allow raw HTML (allow_raw_html: true), and pages whose
    # file or front matter could not be read (the Sphinx build does not parse them).
    raw_allowed: frozenset[str] = frozenset()
    pages: frozenset[str] = frozenset()  # the pages read (index.md, docs/**/*.md)
    unread_pages: frozenset[str] = frozenset()
    sources: Sources | None = field(default=None, repr=False)  # the files as read
    read_ok: dict[int, bool] = field(default_factory=dict, repr=False)  # id(doc) → as read

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
    with gc_paused():
        sources = read_sources(root, problems)
        return check_sources(sources, problems)


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a plan is read and checked. A check makes
    objects it keeps (documents, the model, problems) and almost no cycles, so the
    collector's passes over the growing heap find nothing: at 10,000 measures they
    took about a sixth of the time (benchmarks/run.py). Reference counting still frees
    what is dropped; the collector runs again afterwards, as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def check_with_measure(result: Result, rel: str, text: str) -> Result:
    """The check of ``result``'s plan with the measure file ``rel`` holding ``text``
    instead, as ``load_plan`` would give on a copy of the plan so changed, but without
    reading the other files again: what was read of them is reused as it was."""
    import dataclasses
    import tempfile

    assert result.sources is not None
    sources = result.sources
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "measure.md"
        path.write_text(text, encoding="utf-8")
        problems: list[Problem] = []
        changed = read_measure_file(path, rel, problems)
    changed.path = sources.root / rel

    def fresh(doc: Document | None) -> Document | None:
        """A document as it was read, before any rule marked it unchecked."""
        return None if doc is None else dataclasses.replace(doc, ok=result.read_ok[id(doc)])

    measures = [changed if doc.rel == rel else fresh(doc) for doc in sources.measures]
    others = {f.name: fresh(getattr(sources, f.name)) for f in dataclasses.fields(sources)
              if f.name not in ("root", "measures", "pages")}
    copy = Sources(root=sources.root, measures=measures,  # type: ignore[arg-type]
                   pages=[fresh(doc) for doc in sources.pages], **others)
    return check_sources(copy, problems)


def check_sources(sources: Sources, problems: list[Problem]) -> Result:
    """Validate and build the plan read as ``sources``; run every rule."""
    root = sources.root
    read_ok = {id(doc): doc.ok for doc in [*sources.documents(), *sources.pages]}
    for name, schema_name in SCHEMA_OF.items():
        problems += schema_rule.check_document(root, getattr(sources, name), schema_name)
    for name in ("population", "errata", "comments", "comparison", "provenance", "glossary",
                 "facts"):
        doc = getattr(sources, name)
        if doc is not None:
            problems += schema_rule.check_document(root, doc, name)
    problems += schema_rule.check_documents(root, sources.measures, "measure")
    problems += markup.check(sources)
    plan = build_plan(sources, problems)
    result = Result(root, plan, problems, files=len(sources.documents()), sources=sources,
                    read_ok=read_ok)
    if plan is not None:
        problems += identity.check(plan, sources)
        problems += kpi.check(plan)
        problems += actuals.check(plan)
        problems += budget.check(plan)
        problems += population.check(plan)
        problems += revision.check(plan, sources)
        problems += terms.check(plan)
        problems += roles.check(plan)
        # Texts already read (prose does not read a file twice, nor one refused as too
        # large); a file that could not be read has none.
        read = {doc.rel: [(doc.text, doc.line_offset + 1), (doc.body, doc.body_line)]
                for doc in [*sources.measures, *sources.pages]}
        measures = {id(doc) for doc in sources.measures}
        read.update((doc.rel, [(doc.text, 1)]) for doc in sources.documents()
                    if id(doc) not in measures)
        problems += prose.check(plan, root, read)
        problems += placeholder.check(plan)
        result.archive = quote.load_archive(sources, problems)
        problems += quote.check(sources, result.archive)
        found, result.audit = numbers.check(plan, sources, root, result.archive)
        problems += found
        glossary = sources.glossary.data if sources.glossary and sources.glossary.ok else None
        problems += wording.check(plan, root, sources, glossary)
    result.unchecked = sum(not doc.ok for doc in sources.documents())
    result.raw_allowed = frozenset(doc.rel for doc in [*sources.measures, *sources.pages]
                                   if markup.allows_raw_html(doc.data))
    result.pages = frozenset(doc.rel for doc in sources.pages)
    result.unread_pages = frozenset(doc.rel for doc in sources.pages if not doc.ok)
    problems.sort(key=lambda p: (p.file, p.line or 0, p.code))
    return result
