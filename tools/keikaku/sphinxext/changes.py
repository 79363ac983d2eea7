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
                diff = compare(old.plan, plan_for(env), base, "この版", root)
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
        if diff is None:
            return [nodes.paragraph(text=(
                "比較の基準にする版が指定されていないため、変更点はありません。"
                "基準の版を指定してビルドすると、ここに変更点が表示されます"
                "（例: KEIKAKU_DIFF_BASE=published/2024 nox -s build）。"))]
        out: list[nodes.Node] = [nodes.paragraph(
            text=render("diff-title", "ja", base=diff.base, head=diff.head))]
        if not diff.changes:
            out.append(nodes.paragraph(text=render("diff-none", "ja")))
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
                para.extend(marked_nodes(describe(c, "ja")))
                rows.append([link, [para]])
            out.append(table([3, 7], rows, header=[["施策", "変更の内容"]],
                             classes=["keikaku-changes"], caption=render(key, "ja")))
            if key == "diff-section-budget" and diff.budget_totals:
                total_rows: list[list[Cell | Span]] = [
                    [plan.label("budget_total") if year == "total" else f"{year}年度",
                     Span(fmt_number(t["old"]), classes=["num"]),
                     Span(fmt_number(t["new"]), classes=["num"]),
                     Span(signed(t["difference"]), classes=["num"])]
                    for year, t in diff.budget_totals.items()]
                out.append(table([3, 2, 2, 2], total_rows,
                                 header=[["年度", "変更前", "変更後", "差"]],
                                 classes=["keikaku-changes"], caption="計画全体の事業費（千円）"))
        if diff.citations:
            items = nodes.bullet_list()
            for c in diff.citations:
                kind = render("diff-bound" if c.bound else "diff-typed", "ja")
                item = nodes.list_item()
                item += nodes.paragraph(text=f"{c.file}:{c.line}（{kind}）{c.text}")
                items += item
            out += [nodes.rubric(text=render("diff-section-citations", "ja")), items]
        return out
