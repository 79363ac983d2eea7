"""Term rules: a 政策分野 named in a text is one of the plan's policy fields or areas.

The draft names a field in running text in two ways: 「…に係る政策分野」「…に関する政策分野」
「…の政策分野」 after the name, and 「政策分野が「…」」 before it; and a comment whose 項目
links a field gives that field's name. The names come from docs/data/structure.yaml.
Texts: the measure bodies, the 協定の内容 of every direction, and the comments and
opinions (項目, 概要, 考え方)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from ..load import Document
from ..model import Plan
from ..problems import Phrase, Problem, Severity

CODE = "keikaku.field-name"
# 「…に係る政策分野」: the name stands before the phrase.
_AFTER = re.compile(r"(?:に係る|に関する|の)政策分野")
# 「政策分野が「…」」: the name stands in the brackets after it.
_QUOTED = re.compile(r"政策分野(?:が|は|を|に|の)?「([^「」]+)」")
# Where a name written before 「に係る政策分野」 starts at the latest.
_START = re.compile(r".*(?:[、。「」（）()\s]|及び|並びに)", re.DOTALL)
CLOSE = 0.75  # how alike a printed name and a field name must be to be taken for it


def _names(plan: Plan) -> list[str]:
    return [a.name for a in plan.areas] + [f.name for f in plan.fields()]


def _line(doc: Document, key_line: int, fragment: str) -> int:
    """The file line, at or after ``key_line``, of the YAML text holding ``fragment``."""
    lines = doc.text.split("\n")
    for i in range(max(key_line - doc.line_offset - 1, 0), len(lines)):
        if fragment in lines[i]:
            return doc.line_offset + i + 1
    return key_line


def findings(plan: Plan, text: str) -> Iterator[tuple[str, str, str | None]]:
    """(fragment as printed, the name as printed, the field or area it was taken for)
    for every 政策分野 ``text`` names that is not one of the plan's."""
    names = _names(plan)
    directions = {d.name for d in plan.directions()}
    for m in _AFTER.finditer(text):
        before = text[: m.start()]
        if any(before.endswith(n) for n in names):
            continue
        start = _START.match(before)
        printed = before[start.end():] if start else before
        if not printed:
            continue
        close = difflib.get_close_matches(printed, names, n=1, cutoff=CLOSE)
        if close:
            yield printed + m.group(0), printed, close[0]
    for m in _QUOTED.finditer(text):
        if m.group(1) not in names:
            close = difflib.get_close_matches(m.group(1), names, n=1, cutoff=CLOSE)
            yield (m.group(0), m.group(1),
                   close[0] if close else ("@field-is-direction" if m.group(1) in directions
                                           else None))


def _problem(rel: str, line: int, where: object, printed: str, expected: str | None,
             erratum: str | None) -> Problem:
    if expected is None:
        hint: object = ""
    elif expected.startswith("@"):
        hint = expected
    else:
        hint = Phrase("field-name-hint", f"「{expected}」")
    params = {"where": where, "printed": printed, "hint": hint, "errata": erratum}
    return Problem(CODE, rel, line, "field-name-recorded" if erratum else "field-name", params,
                   Severity.WARNING if erratum else Severity.ERROR, acknowledged=bool(erratum))


def check(plan: Plan) -> list[Problem]:
    problems: list[Problem] = []
    for m in plan.measures:
        erratum = plan.recorded(m.errata, CODE)
        for fragment, printed, expected in findings(plan, m.doc.body):
            line = m.doc.body_line + m.doc.body[: m.doc.body.index(fragment)].count("\n")
            problems.append(_problem(m.doc.rel, line, "@where-body", printed, expected, erratum))
    doc = plan.sources["structure"]
    for ai, area in enumerate(plan.areas):
        for fi, fld in enumerate(area.fields):
            for di, d in enumerate(fld.directions):
                path = ("areas", ai, "fields", fi, "directions", di, "agreement")
                erratum = plan.recorded(d.errata, CODE)
                texts = [(("content",), d.content)] + [(("roles", k), v)
                                                       for k, v in d.roles.items()]
                for key, text in texts:
                    for fragment, printed, expected in findings(plan, text):
                        line = _line(doc, doc.line_of((*path, *key)), fragment)
                        problems.append(_problem(doc.rel, line, Phrase("where-agreement",
                                                                       f"「{d.name}」"),
                                                 printed, expected, erratum))
    problems += _comments(plan)
    return problems


def _comments(plan: Plan) -> list[Problem]:
    if plan.comments is None or "comments" not in plan.sources:
        return []
    doc = plan.sources["comments"]
    fields = {f.id: f.name for f in plan.fields()}
    out = []
    for kind in ("public_comments", "council_opinions"):
        for i, e in enumerate(plan.comments[kind]):
            erratum = plan.recorded(e.get("errata"), CODE)
            where = Phrase(f"kind-{kind}", f" {e['number']}")
            if "field" in e and e["field"] in fields and e["item"] != fields[e["field"]]:
                out.append(_problem(doc.rel, doc.line_of((kind, i, "item")), where, e["item"],
                                    fields[e["field"]], erratum))
            for key in ("item", "summary", "opinion", "response"):
                text = e.get(key)
                if not isinstance(text, str):
                    continue
                for fragment, printed, expected in findings(plan, text):
                    line = _line(doc, doc.line_of((kind, i, key)), fragment)
                    out.append(_problem(doc.rel, line, where, printed, expected, erratum))
    return out
