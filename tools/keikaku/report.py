"""Reporters: text (Japanese or English) and JSON. Result, reporter and exit code are separate."""

from __future__ import annotations

import json
from collections.abc import Iterable

from .messages import render
from .problems import Problem, Severity


def text_report(problems: Iterable[Problem], files: int, lang: str = "ja",
                unchecked: int = 0) -> str:
    problems = list(problems)
    lines = [p.format(lang) for p in problems]
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    if problems:
        lines.append(render("summary-problems", lang, errors=errors, warnings=warnings,
                            files=files))
    else:
        lines.append(render("summary-clean", lang, files=files))
    if unchecked:
        lines[-1] += render("summary-unchecked", lang, count=unchecked)
    return "\n".join(lines)


def json_report(problems: Iterable[Problem], files: int, lang: str = "ja",
                unchecked: int = 0) -> str:
    problems = list(problems)
    errors = sum(p.severity is Severity.ERROR for p in problems)
    return json.dumps(
        {"files": files, "unchecked": unchecked, "errors": errors,
         "warnings": len(problems) - errors,
         "problems": [p.as_dict(lang) for p in problems]},
        ensure_ascii=False, indent=2,
    )


def audit_counts(numbers: Iterable[object]) -> dict[str, int]:
    from .audit import CLASSES

    counts = dict.fromkeys(CLASSES, 0)
    for n in numbers:
        counts[n.cls] += 1  # type: ignore[attr-defined]
    return counts


def audit_report(numbers: Iterable[object], fmt: str = "text", lang: str = "ja") -> str:
    """``keikaku check --audit``: each number (file:line, the number, its class, what it is
    bound to or checked against), then the counts per class."""
    numbers = list(numbers)
    counts = audit_counts(numbers)
    if fmt == "json":
        return json.dumps({"counts": counts, "numbers": [n.as_dict() for n in numbers]},
                          ensure_ascii=False, indent=2)
    lines = [render("audit-line", lang, location=f"{n.file}:{n.line}", number=n.text,
                    cls=render(f"class-{n.cls}", lang), against=n.against)
             for n in numbers]
    lines.append(render("audit-counts", lang, total=len(numbers), **counts))
    return "\n".join(lines)
