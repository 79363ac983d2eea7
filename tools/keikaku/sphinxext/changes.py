"""``{plan-changes}``: 「この版での変更点」 — the plan diff against a base revision,
given as ``keikaku_diff_base`` in conf.py or the environment variable KEIKAKU_DIFF_BASE."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..diff import PlanDiff, compare
from ..diffreport import SECTIONS, describe, signed
from ..messages import render
from ..numbers import fmt_number
from .markup import doc_link, measure_docname
from .state import logger, note_data_dependencies, plan_for, result_for
from .tables import Cell, Span, table
from .texts import site_lang, site_text

_DIFFS: dict[str, PlanDiff | None] = {}
MARK = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}", re.S)


def base_revision(config) -> str:
    return os.environ.get("KEIKAKU_DIFF_BASE") or config.keikaku_diff_base


def plan_diff(env) -> PlanDiff | None:
    """The diff of this build, computed once."""
    from ..check import load_plan
    from ..revisions import RevisionError, materialize

    key = str(env.srcdir)
    if key in _DIFFS:
        return _DIFFS[key]
    base = base_revision(env.config)
    diff = None
    if base:
        root = result_for(env).root
        try:
            with tempfile.TemporaryDirectory() as tmp:
                old = load_plan(materialize(root, base, Path(tmp)))
                if old.plan is None or old.errors:
                    raise RevisionError(f"{len(old.errors)} errors in {base}")
                diff = compare(old.plan, plan_for(env), base,
                                   site_text("this-revision", site_lang(env)), root)
        except RevisionError as exc:
            logger.warning("cannot compare with %s: %s", base, exc, type="keikaku",
                           subtype="diff")
    _DIFFS[key] = diff
    return diff


def marked_nodes(text: str) -> list[nodes.Node]:
    """[-deleted-] and {+inserted+} as styled inline nodes; the brackets stay, so the
    change reads without colour."""
    out: list[nodes.Node] = []
    pos = 0
    for m in MARK.finditer(text):
        out.append(nodes.Text(text[pos:m.start()]))
        if m.group(1) is not None:
            out.append(nodes.inline(f"[-{m.group(1)}-]", f"[-{m.group(1)}-]",
                                    classes=["keikaku-del"]))
        else:
            out.append(nodes.inline(f"{{+{m.group(2)}+}}", f"{{+{m.group(2)}+}}",
                                    classes=["keikaku-ins"]))
        pos = m.end()
    out.append(nodes.Text(text[pos:]))
    return out


class PlanChanges(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env)
        diff = plan_diff(self.env)
        lang = site_lang(self)
        if diff is None:
            return [nodes.paragraph(text=site_text("changes-no-base", lang))]
        out: list[nodes.Node] = [nodes.paragraph(
            text=render("diff-title", lang, base=diff.base, head=diff.head))]
        if not diff.changes:
            out.append(nodes.paragraph(text=render("diff-none", lang)))
        plan = plan_for(self.env)
        for key, kinds in SECTIONS:
            changes = [c for c in diff.changes if c.kind in kinds]
            if not changes:
                continue
            rows: list[list[Cell | Span]] = []
            for c in changes:
                link: Cell = c.label
                if plan.measure(c.measure) is not None:
                    para = nodes.paragraph()
                    para += doc_link(measure_docname(c.measure), c.label, self.env.docname)
                    link = [para]
                para = nodes.paragraph()
                para.extend(marked_nodes(describe(c, lang)))
                rows.append([link, [para]])
            out.append(table([3, 7], rows, header=[[site_text("changes-measure", lang),
                                                      site_text("changes-what", lang)]],
                             classes=["keikaku-changes"], caption=render(key, lang)))
            if key == "diff-section-budget" and diff.budget_totals:
                total_rows: list[list[Cell | Span]] = [
                    [plan.label("budget_total") if year == "total"
                     else site_text("fiscal-year", lang, year=year),
                     Span(fmt_number(t["old"]), classes=["num"]),
                     Span(fmt_number(t["new"]), classes=["num"]),
                     Span(signed(t["difference"]), classes=["num"])]
                    for year, t in diff.budget_totals.items()]
                out.append(table([3, 2, 2, 2], total_rows,
                                 header=[[site_text(key, lang) for key in (
                                     "fiscal-year-heading", "changes-before", "changes-after",
                                     "changes-difference")]],
                                 classes=["keikaku-changes"],
                                 caption=site_text("changes-budget", lang)))
        if diff.citations:
            items = nodes.bullet_list()
            for c in diff.citations:
                kind = render("diff-bound" if c.bound else "diff-typed", lang)
                item = nodes.list_item()
                item += nodes.paragraph(text=f"{c.file}:{c.line}（{kind}）{c.text}")
                items += item
            out += [nodes.rubric(text=render("diff-section-citations", lang)), items]
        return out
