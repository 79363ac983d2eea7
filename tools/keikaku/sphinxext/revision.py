"""Public comments, council opinions and the comparison with the previous vision,
rendered as the source's tables, and the opinions that concern a measure."""

from __future__ import annotations

from collections import Counter
from typing import Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..model import Plan
from ..rules.revision import target_field
from .markup import doc_link, measure_docname, measure_link, paragraphs
from .state import note_data_dependencies, plan_for
from .tables import Cell, Span, table

COMMENTS_DOC = "docs/comments"
CHANGE_LABELS = {"continued": "継続", "removed": "削除", "changed": "変更", "added": "追加"}
KIND_LABELS = {"public_comments": "パブリックコメント", "council_opinions": "懇談会委員意見"}
ANCHOR = {"public_comments": "pc", "council_opinions": "co"}


def _target(plan: Plan, e: dict[str, Any], refdoc: str) -> list[nodes.Node]:
    para = nodes.paragraph()
    m = plan.measure(e["measure"]) if "measure" in e else None
    if m is not None:
        para += doc_link(measure_docname(m.id), e["item"], refdoc)
        if e["item"] != m.name:
            para += nodes.Text(f"（→ {m.number} {m.name}）")
    else:
        para += nodes.Text(e["item"])
    return [para]


def comments_of(plan: Plan, measure_id: str) -> list[tuple[str, dict[str, Any]]]:
    if plan.comments is None:
        return []
    return [(kind, e) for kind in KIND_LABELS for e in plan.comments[kind]
            if e.get("measure") == measure_id]


class CommentTable(SphinxDirective):
    """``{comment-table} public_comments|council_opinions``: the source's table."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env)
        plan = plan_for(self.env)
        kind = self.arguments[0]
        if kind not in KIND_LABELS:
            raise self.error(f"no comments of kind {kind!r}")
        if plan.comments is None:  # a plan without comments.yaml
            return [nodes.paragraph(text=NO_COMMENTS)]
        out = []
        for e in plan.comments[kind]:
            rows: list[list[Cell | Span]] = [["項目", _target(plan, e, self.env.docname)]]
            if kind == "public_comments":
                rows.insert(0, ["ページ", str(e["page"])])
                rows += [["ご意見の概要", paragraphs(e["summary"])],
                         ["ご意見に対する考え方", paragraphs(e["response"])]]
            else:
                rows += [["意見等内容", paragraphs(e["opinion"])],
                         ["意見に対する考え方", paragraphs(e["response"])]]
            label = "番号" if kind == "public_comments" else "№"
            anchor = f"{ANCHOR[kind]}-{e['number']}"
            box = nodes.container(classes=["keikaku-comment"], ids=[anchor])
            self.env.domains.standard_domain.note_hyperlink_target(
                anchor, self.env.docname, anchor, f"{KIND_LABELS[kind]} {e['number']}")
            box += table([2, 8], rows, classes=["keikaku-comment-table"], stub_columns=1,
                         caption=f"{KIND_LABELS[kind]} {label} {e['number']}")
            out.append(box)
        return out


class CommentCounts(SphinxDirective):
    """``{comment-counts}``: the counts per policy field, counted from the links."""

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env)
        plan = plan_for(self.env)
        if plan.comments is None:
            return []
        counts = {kind: Counter(target_field(plan, e) for e in plan.comments[kind])
                  for kind in KIND_LABELS}
        rows: list[list[Cell | Span]] = []
        for area in plan.areas:
            for field in area.fields:
                if any(counts[k][field.id] for k in KIND_LABELS):
                    rows.append([area.name, field.name, *[
                        Span(str(counts[k][field.id]), classes=["num"]) for k in KIND_LABELS]])
        if any(counts[k]["other"] for k in KIND_LABELS):
            rows.append(["その他", "", *[Span(str(counts[k]["other"]), classes=["num"])
                                        for k in KIND_LABELS]])
        rows.append([Span("合計", cols=2, classes=["total"]), *[
            Span(str(sum(counts[k].values())), classes=["num", "total"]) for k in KIND_LABELS]])
        return [table([3, 3, 2, 2], rows,
                      header=[["連携する事項", "政策分野", *KIND_LABELS.values()]],
                      classes=["keikaku-comment-counts"], caption="政策分野別の意見件数")]


class MeasureComments(SphinxDirective):
    """``{measure-comments} <measure-id>``: the opinions that concern a measure."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env, measures=False)
        plan = plan_for(self.env)
        found = comments_of(plan, self.arguments[0])
        if not found:
            return []
        items = nodes.bullet_list(classes=["keikaku-measure-comments"])
        for kind, e in found:
            para = nodes.paragraph()
            label = f"{KIND_LABELS[kind]} {e['number']}"
            ref = doc_link(COMMENTS_DOC, label, self.env.docname)
            ref["reftype"], ref["reftarget"] = "ref", f"{ANCHOR[kind]}-{e['number']}"
            para += ref
            first = (e.get("summary") or e.get("opinion", "")).split("\n")[0]
            para += nodes.Text(f"　{first[:60]}{'…' if len(first) > 60 else ''}")
            item = nodes.list_item()
            item += para
            items += item
        return [nodes.rubric(text="この施策に関する意見"), items]


# What a comment table shows when the plan has no comments file.
NO_COMMENTS = "意見はありません。"


class ComparisonTable(SphinxDirective):
    """``{comparison-table}``: the comparison with the previous vision and its reasons."""

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env)
        plan = plan_for(self.env)
        data = plan.comparison
        if data is None:
            return []
        rows: list[list[Cell | Span]] = []
        for row in data["rows"]:
            prev = row.get("previous")
            cur = plan.measure(row["current"]) if "current" in row else None
            cur_cell: Cell = ""
            if cur is not None:
                cur_cell = [measure_link(cur.number, cur.name, cur.id, self.env.docname)]
            rows.append([f"{prev['number']} {prev['name']}" if prev else "", cur_cell,
                         CHANGE_LABELS[row["change"]] + (f"（{row['mark']}）"
                                                         if "mark" in row else "")])
        out: list[nodes.Node] = [table(
            [5, 5, 2], rows, header=[[data["previous_vision"], "第３次共生ビジョン", "加除・変更"]],
            classes=["keikaku-comparison"], caption="具体的な取組比較表")]
        areas = {a.id: a.name for a in plan.areas}
        reasons: list[list[Cell | Span]] = [
            [c["mark"], areas.get(c["area"], c["area"]), paragraphs(c["reason"])]
            for c in data["changes"]]
        out.append(table([1, 2, 7], reasons, header=[["印", "政策分野の区分", "加除、変更内容"]],
                         classes=["keikaku-comparison"], caption="加除、変更内容"))
        return out
