"""Number rules: every number of the published text is bound, checked, quoted or
external (``keikaku.audit``); a derivation's cited text and an answer that restates it
agree with the derivation. Data texts the prose rule does not read (the errata's own
words) get its {value} and 和暦/西暦 checks here."""

from __future__ import annotations

from pathlib import Path

from ..archive import Archive
from ..audit import Audit, audit
from ..load import Sources
from ..model import Plan
from ..problems import Problem, Severity
from . import prose


def check(plan: Plan, sources: Sources, root: Path,
          archive: Archive | None = None) -> tuple[list[Problem], Audit]:
    result = audit(plan, sources, root, archive)
    problems: list[Problem] = []
    for f in result.findings:
        problems.append(Problem(f.code, f.file, f.line, f.code.removeprefix("keikaku."),
                                {"number": f.text, "against": f.against}))
    for rel, text, first_line in result.extra_texts:
        problems += prose.check_text(plan, text, rel, first_line)
    wrong = {(f.file, f.line) for f in result.findings}
    for n in result.numbers:
        if n.cls == "unclassified" and (n.file, n.line) not in wrong:
            problems.append(Problem("keikaku.number-unclassified", n.file, n.line,
                                    "number-unclassified", {"number": n.text},
                                    Severity.WARNING))
    return problems, result
