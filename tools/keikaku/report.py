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
