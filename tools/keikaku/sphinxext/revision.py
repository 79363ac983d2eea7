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
from .texts import site_lang, site_text

COMMENTS_DOC = "docs/comments"
# The kinds of comments, in the order of the site; their names are the site texts
# "comment-kind-<kind>", a comparison row's change "change-<change>".
KINDS = ("public_comments", "council_opinions")
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
    return [(kind, e) for kind in KINDS for e in plan.comments[kind]
            if e.get("measure") == measure_id]


class CommentTable(SphinxDirective):
    """``{comment-table} public_comments|council_opinions``: the source's table."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env)
        plan = plan_for(self.env)
        lang = site_lang(self)
        kind = self.arguments[0]
        if kind not in KINDS:
            raise self.error(f"no comments of kind {kind!r}")
        if plan.comments is None:  # a plan without comments.yaml
            return [nodes.paragraph(text=site_text("no-comments", lang))]
        out = []
        for e in plan.comments[kind]:
            rows: list[list[Cell | Span]] = [[site_text("comment-item", lang),
                                              _target(plan, e, self.env.docname)]]
            if kind == "public_comments":
                rows.insert(0, [site_text("comment-page", lang), str(e["page"])])
                rows += [[site_text("comment-summary", lang), paragraphs(e["summary"])],
                         [site_text("comment-response", lang), paragraphs(e["response"])]]
            else:
                rows += [[site_text("opinion", lang), paragraphs(e["opinion"])],
                         [site_text("opinion-response", lang), paragraphs(e["response"])]]
            name = site_text(f"comment-kind-{kind}", lang)
            anchor = f"{ANCHOR[kind]}-{e['number']}"
            box = nodes.container(classes=["keikaku-comment"], ids=[anchor])
            self.env.domains.standard_domain.note_hyperlink_target(
                anchor, self.env.docname, anchor,
                site_text("comment-ref", lang, kind=name, number=e["number"]))
            box += table([2, 8], rows, classes=["keikaku-comment-table"], stub_columns=1,
                         caption=site_text(f"comment-caption-{kind}", lang, kind=name,
                                           number=e["number"]))
            out.append(box)
        return out


class CommentCounts(SphinxDirective):
    """``{comment-counts}``: the counts per policy field, counted from the links."""

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env)
        plan = plan_for(self.env)
        if plan.comments is None:
            return []
        lang = site_lang(self)
        counts = {kind: Counter(target_field(plan, e) for e in plan.comments[kind])
                  for kind in KINDS}
        rows: list[list[Cell | Span]] = []
        for area in plan.areas:
            for field in area.fields:
                if any(counts[k][field.id] for k in KINDS):
                    rows.append([area.name, field.name, *[
                        Span(str(counts[k][field.id]), classes=["num"]) for k in KINDS]])
        if any(counts[k]["other"] for k in KINDS):
            rows.append([site_text("other", lang), "", *[
                Span(str(counts[k]["other"]), classes=["num"]) for k in KINDS]])
        rows.append([Span(site_text("total", lang), cols=2, classes=["total"]), *[
            Span(str(sum(counts[k].values())), classes=["num", "total"]) for k in KINDS]])
        return [table([3, 3, 2, 2], rows,
                      header=[[site_text("area", lang), site_text("policy-field", lang),
                               *(site_text(f"comment-kind-{k}", lang) for k in KINDS)]],
                      classes=["keikaku-comment-counts"],
                      caption=site_text("comment-counts", lang))]


class MeasureComments(SphinxDirective):
    """``{measure-comments} <measure-id>``: the opinions that concern a measure."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env, measures=False)
        plan = plan_for(self.env)
        found = comments_of(plan, self.arguments[0])
        if not found:
            return []
        lang = site_lang(self)
        items = nodes.bullet_list(classes=["keikaku-measure-comments"])
        for kind, e in found:
            para = nodes.paragraph()
            label = site_text("comment-ref", lang, kind=site_text(f"comment-kind-{kind}", lang),
                              number=e["number"])
            ref = doc_link(COMMENTS_DOC, label, self.env.docname)
            ref["reftype"], ref["reftarget"] = "ref", f"{ANCHOR[kind]}-{e['number']}"
            para += ref
            first = (e.get("summary") or e.get("opinion", "")).split("\n")[0]
            para += nodes.Text(site_text("measure-comment", lang, text=first[:60],
                                         more="…" if len(first) > 60 else ""))
            item = nodes.list_item()
            item += para
            items += item
        return [nodes.rubric(text=site_text("measure-comments", lang)), items]


class ComparisonTable(SphinxDirective):
    """``{comparison-table}``: the comparison with the previous vision and its reasons."""

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env)
        plan = plan_for(self.env)
        data = plan.comparison
        if data is None:
            return []
        lang = site_lang(self)
        rows: list[list[Cell | Span]] = []
        for row in data["rows"]:
            prev = row.get("previous")
            cur = plan.measure(row["current"]) if "current" in row else None
            cur_cell: Cell = ""
            if cur is not None:
                cur_cell = [measure_link(cur.number, cur.name, cur.id, self.env.docname)]
            rows.append([f"{prev['number']} {prev['name']}" if prev else "", cur_cell,
                         site_text(f"change-{row['change']}", lang)
                         + (site_text("change-mark", lang, mark=row["mark"])
                            if "mark" in row else "")])
        out: list[nodes.Node] = [table(
            # the two visions by their names: the previous one's as comparison.yaml
            # gives it, this one's as plan.yaml does (the package knows no plan)
            [5, 5, 2], rows, header=[[data["previous_vision"], plan.name,
                                      site_text("comparison-change", lang)]],
            classes=["keikaku-comparison"], caption=site_text("comparison-caption", lang))]
        areas = {a.id: a.name for a in plan.areas}
        reasons: list[list[Cell | Span]] = [
            [c["mark"], areas.get(c["area"], c["area"]), paragraphs(c["reason"])]
            for c in data["changes"]]
        out.append(table([1, 2, 7], reasons, header=[[site_text(key, lang) for key in (
                             "comparison-mark", "comparison-area", "comparison-reasons")]],
                         classes=["keikaku-comparison"],
                         caption=site_text("comparison-reasons", lang)))
        return out
