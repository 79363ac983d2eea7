"""Role rules: a 役割分担 that has every municipality pay (それぞれ…負担する) names, for
each of them, a project of its own or a common one (事業名称【共通】)."""

from __future__ import annotations

import re

from ..model import Measure, Plan
from ..problems import Problem, Severity

CODE = "keikaku.role-cost"
# Words that make a cost every municipality's: それぞれ, 双方, 両市町が, 各市町が,
# 市町独自の事業 (generic words of municipal plans, not names of this plan).
_EACH = re.compile(r"それぞれ|双方|両(?:市町村|市町|市|町|村)が|各(?:市町村|市町|市|町|村)が"
                   r"|(?:市町村|市町)独自")
_PAYS = "負担"


def paying_sentence(roles: str) -> str | None:
    """The sentence of a 役割分担 that has every municipality bear a cost, if any."""
    for sentence in re.split(r"(?<=。)", roles):
        if _PAYS in sentence and _EACH.search(sentence):
            return sentence.strip()
    return None


def _check(plan: Plan, m: Measure) -> list[Problem]:
    sentence = paying_sentence(m.roles)
    if sentence is None or m.projects.get("common"):
        return []
    missing = [mu for mu in plan.municipalities if not m.projects.get(mu.id)]
    if not missing:
        return []
    erratum = plan.recorded(m.errata, CODE)
    body = m.doc.body
    line = m.doc.body_line + body[: body.index(sentence)].count("\n") if sentence in body \
        else m.doc.body_line
    return [Problem(CODE, m.doc.rel, line, "role-cost-recorded" if erratum else "role-cost",
                    {"name": mu.name, "errata": erratum},
                    Severity.WARNING if erratum else Severity.ERROR, acknowledged=bool(erratum))
            for mu in missing]


def check(plan: Plan) -> list[Problem]:
    problems: list[Problem] = []
    for m in plan.measures:
        problems += _check(plan, m)
    return problems
