"""Views over all measures: the 体系図, the 協定の内容 of a direction, the budget
summary, the errata list and the open-data downloads."""

from __future__ import annotations

import posixpath
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..model import Measure
from ..numbers import fmt_number
from ..values import render_text
from .archive import archive_link, note_archive_dependencies, source_link
from .card import EXCLUDING_UNDECIDED, UNDECIDED
from .markup import doc_link, measure_docname, measure_link, paragraphs
from .state import note_data_dependencies, plan_for, result_for
from .tables import Cell, Span, table

ERRATA_KINDS = {
    "name-mismatch": "名称の不一致",
    "direction-mismatch": "施策展開の基本的方向の不一致",
    "field-mismatch": "政策分野の表記の不一致",
    "label-mismatch": "項目名の不一致",
    "kpi-derivation": "成果指標の算出",
    "kpi-target-below-baseline": "目標値が現状値を下回る",
    "kpi-target-unchanged": "目標値が現状値と同じ",
    "outlier": "突出した値",
    "year-label": "年と年度の表記",
    "population-target": "人口目標と推計の不一致",
    "text": "本文の表記",
    "other": "その他",
}

ERRATA_DOC = "docs/errata"
DOWNLOADS = {"json": "data/keikaku-plan.json", "csv": "data/keikaku-plan.csv"}


class StructureDiagram(SphinxDirective):
    """``{structure-diagram}``: area → field → direction → numbered measures, linked."""

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env)
        plan = plan_for(self.env)
        rows: list[list[Cell | Span]] = []
        for area in plan.areas:
            area_rows = sum(max(1, len(ms)) for f in area.fields for _, ms in plan.groups(f))
            first_in_area = True
            for field in area.fields:
                field_rows = sum(max(1, len(ms)) for _, ms in plan.groups(field))
                first_in_field = True
                for direction, in_group in plan.groups(field):
                    measures: list[Measure | None] = [*in_group] or [None]
                    for i, m in enumerate(measures):
                        row: list[Cell | Span] = []
                        if first_in_area:
                            row.append(Span(area.name, rows=area_rows))
                            first_in_area = False
                        if first_in_field:
                            row.append(Span(field.name, rows=field_rows))
                            first_in_field = False
                        if i == 0:  # a field without directions: an empty cell
                            row.append(Span(direction.name if direction else "",
                                            rows=len(measures)))
                        if m is None:
                            row.append(nodes.inline(text="（具体的な取組なし）",
                                                    classes=["keikaku-unset"]))
                        else:
                            row.append([measure_link(m.number, m.name, m.id,
                                                     self.env.docname)])
                        rows.append(row)
        return [table([2, 2, 3, 4], rows,
                      header=[["連携する事項", "協定に基づき連携する政策分野",
                               "施策展開の基本的方向", "具体的な取組"]],
                      classes=["keikaku-structure"], caption="体系図")]


class Agreement(SphinxDirective):
    """``{agreement} <direction-id>``: the 協定の内容 of a direction."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env, measures=False)
        plan = plan_for(self.env)
        direction = next((d for d in plan.directions() if d.id == self.arguments[0]), None)
        if direction is None:
            raise self.error(f"unknown direction id {self.arguments[0]!r}")
        rows: list[list[Cell | Span]] = [["取組の内容", paragraphs(direction.content)]]
        for mun in plan.municipalities:
            if mun.id in direction.roles:
                rows.append([f"{mun.name}の役割", paragraphs(direction.roles[mun.id])])
        return [table([2, 8], rows, classes=["keikaku-agreement"], caption="協定の内容",
                      stub_columns=1)]


def _sum_text(amounts: list[int], undecided: bool) -> str:
    return fmt_number(sum(amounts)) + (EXCLUDING_UNDECIDED if undecided else "")


class BudgetSummary(SphinxDirective):
    """``{budget-summary}``: budgets by fiscal year x area and field, then by measure,
    with row, column and 5-year totals, all summed from the measure files."""

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env)
        plan = plan_for(self.env)
        years = plan.fiscal_years
        header = [["区分", *(f"{y}年度" for y in years), plan.label("budget_total")]]

        def amounts(measures: list) -> list[Cell | Span]:
            """Per year and in total; a measure's 未定 year shows as 未定, a sum that
            leaves one out says so."""
            cells = []
            for y in years:
                given = [m.budget.get(y, 0) for m in measures]
                if len(given) == 1 and given[0] is None:
                    cells.append(Span(UNDECIDED, classes=["num"]))
                else:
                    cells.append(Span(_sum_text([v for v in given if v is not None],
                                                None in given), classes=["num"]))
            undecided = any(m.undecided_years for m in measures)
            cells.append(Span(_sum_text([m.budget_total for m in measures], undecided),
                              classes=["num"]))
            return cells

        rows: list[list[Cell | Span]] = []
        for area in plan.areas:
            area_measures = [m for m in plan.measures if m.area is area]
            rows.append([Span(f"{area.name}（計）", classes=["subtotal"]),
                         *[Span(c.cell, classes=["num", "subtotal"]) for c in
                           amounts(area_measures)]])
            for field in area.fields:
                rows.append([f"　{field.name}",
                             *amounts([m for m in area_measures if m.field is field])])
        rows.append([Span("合計", classes=["total"]),
                     *[Span(c.cell, classes=["num", "total"]) for c in amounts(plan.measures)]])
        by_field = table([4] + [2] * (len(years) + 1), rows, header=header,
                         classes=["keikaku-budget-summary"],
                         caption="政策分野別・年度別の事業費（千円）")
        measure_rows: list[list[Cell | Span]] = []
        for m in plan.measures:
            measure_rows.append([[measure_link(m.number, m.name, m.id, self.env.docname)],
                                 *amounts([m])])
        measure_rows.append([Span("合計", classes=["total"]),
                             *[Span(c.cell, classes=["num", "total"])
                               for c in amounts(plan.measures)]])
        by_measure = table([4] + [2] * (len(years) + 1), measure_rows,
                           header=[["具体的な取組", *header[0][1:]]],
                           classes=["keikaku-budget-summary"],
                           caption="具体的な取組別・年度別の事業費（千円）")
        return [by_field, by_measure]


class ErrataList(SphinxDirective):
    """``{errata-list}``: every inconsistency of the draft and how the repository resolves it."""

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env)
        plan = plan_for(self.env)
        archive = result_for(self.env).archive
        out: list[nodes.Node] = []
        if archive is not None:
            note_archive_dependencies(self, archive)
            intro = nodes.paragraph()
            intro += nodes.Text("「原案の記載」の引用は、すべて")
            intro += archive_link(archive, self.env.docname, "原文の記録")
            intro += nodes.Text(f"（{archive.rel}、懇談会資料の PDF のテキスト層）に"
                                "そのままあることを keikaku check で確かめています"
                                "（改行と空白の違いを除く）。「原文 N行」はその行です。")
            out.append(intro)
        for entry in plan.errata:
            anchor = entry["id"].lower()
            section = nodes.container(classes=["keikaku-erratum"], ids=[anchor])
            self.env.domains.standard_domain.note_hyperlink_target(
                anchor, self.env.docname, anchor, f"正誤表 {entry['id']}")
            head = nodes.paragraph(classes=["keikaku-erratum-head"])
            head += nodes.strong(text=f"{entry['id']}　{ERRATA_KINDS[entry['kind']]}")
            m = plan.measure(entry["measure"]) if entry.get("measure") else None
            if m is not None:
                head += nodes.Text("　（")
                head += doc_link(measure_docname(m.id), f"{m.number} {m.name}", self.env.docname)
                head += nodes.Text("）")
            section += head
            printed = nodes.bullet_list()
            places = archive.places([p["text"] for p in entry["printed"]],
                                    entry.get("source_lines", ()),
                                    [p.get("line") for p in entry["printed"]]) if archive else []
            for i, p in enumerate(entry["printed"]):
                item = nodes.list_item()
                para = nodes.paragraph()
                para += nodes.Text(f"{render_text(plan, p['where'])}: ")
                para += nodes.literal(text=p["text"])
                if p.get("verbatim", True) is False:
                    para += nodes.Text(f"　（原文どおりの引用ではありません: {p['reason']}）")
                elif archive is not None and places[i] is not None:
                    para += nodes.Text("　")
                    para += source_link(archive, self.env.docname, *places[i])
                item += para
                printed += item
            rows: list[list[Cell | Span]] = [
                ["箇所", render_text(plan, entry["where"])],
                ["原案の記載", [printed]],
                ["本リポジトリでの扱い", render_text(plan, entry["resolved"])],
                ["理由", render_text(plan, entry["reason"])],
                ["検出するルール", nodes.literal(text=entry["rule"]) if entry.get("rule")
                 else "（人による確認）"],
            ]
            section += table([2, 8], rows, classes=["keikaku-erratum-table"], stub_columns=1)
            out.append(section)
        return out


class DataDownloads(SphinxDirective):
    """``{data-downloads}``: links to the PDF (copied by `nox -s build`) and to the JSON
    and CSV written at the end of the HTML build."""

    def run(self) -> list[nodes.Node]:
        base = posixpath.dirname(self.env.docname)
        items = nodes.bullet_list()
        pdf = f"data/{self.config.keikaku_pdf_name}.pdf"
        for label, path in (("計画全体の PDF（A4、目次・しおり付き）", pdf),
                            ("JSON（schemas/export.schema.json に準拠）", DOWNLOADS["json"]),
                            ("CSV（UTF-8、施策×成果指標ごとに1行）", DOWNLOADS["csv"])):
            uri = posixpath.relpath(path, base or ".")
            para = nodes.paragraph()
            para += nodes.reference("", posixpath.basename(path), refuri=uri,
                                    classes=["keikaku-download"])
            para += nodes.Text(f"　{label}")
            item = nodes.list_item()
            item += para
            items += item
        return [items]


class DirectionsTable(SphinxDirective):
    """``{directions-table} <area-id>``: 取組分野 and 施策展開の基本的方向 of one area
    (the tables of Ⅲ２（２））."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env, measures=False)
        plan = plan_for(self.env)
        area = next((a for a in plan.areas if a.id == self.arguments[0]), None)
        if area is None:
            raise self.error(f"unknown area id {self.arguments[0]!r}")
        rows: list[list[Cell | Span]] = []
        for field in area.fields:
            for i, d in enumerate(field.directions):
                row: list[Cell | Span] = []
                if i == 0:
                    row.append(Span(field.name, rows=len(field.directions)))
                row.append(d.name)
                rows.append(row)
        return [table([3, 7], rows, header=[["取組分野", "施策展開の基本的方向"]],
                      classes=["keikaku-directions"],
                      caption=f"{area.name}の政策分野に関する施策展開の基本的方向")]


class RuleCatalogue(SphinxDirective):
    """``{rule-catalogue}``: every check code with what it requires, from the code registry."""

    def run(self) -> list[nodes.Node]:
        from ..catalogue import text
        from ..problems import CODES

        rows: list[list[Cell | Span]] = [
            [nodes.literal(text=code), family, text(code)]
            for code, family in CODES.items()
        ]
        return [table([3, 2, 8], rows, header=[["コード", "分類", "検査の内容"]],
                      classes=["keikaku-rules"], caption="keikaku check の検査項目")]


class MeasureErrata(SphinxDirective):
    """``{measure-errata} <measure-id>``: the errata entries about a measure, linked, so
    that a reader of the card sees where the draft printed something else."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env, measures=False)
        plan = plan_for(self.env)
        entries = [e for e in plan.errata if e.get("measure") == self.arguments[0]]
        if not entries:
            return []
        items = nodes.bullet_list(classes=["keikaku-measure-errata"])
        for e in entries:
            para = nodes.paragraph()
            ref = doc_link(ERRATA_DOC, f"正誤表 {e['id']}", self.env.docname)
            ref["reftype"], ref["reftarget"] = "ref", e["id"].lower()
            para += ref
            para += nodes.Text(f"　{ERRATA_KINDS[e['kind']]}: {render_text(plan, e['resolved'])}")
            item = nodes.list_item()
            item += para
            items += item
        return [nodes.rubric(text="原案との違い（正誤表）"), items]


def _note_all_inputs(env) -> None:  # type: ignore[no-untyped-def]
    """Re-read the current page when any page or data file changes (it reports on all)."""
    from ..audit import pages

    result = result_for(env)
    note_data_dependencies(env)
    for path in [*pages(result.root), *(result.root / "docs" / "data").glob("*.yaml")]:
        env.note_dependency(str(path))


class NumberAudit(SphinxDirective):
    """``{number-audit}``: how many numbers of the published text fall in each class of the
    number audit, counted when the site is built (``keikaku check --audit``)."""

    def run(self) -> list[nodes.Node]:
        from ..audit import CLASSES
        from ..messages import render
        from ..report import audit_counts

        _note_all_inputs(self.env)
        result = result_for(self.env)
        counts = audit_counts(result.audit.numbers if result.audit else [])
        rows: list[list[Cell | Span]] = [
            [render(f"class-{c}", "ja"), render(f"class-{c}-about", "ja"), fmt_number(counts[c])]
            for c in CLASSES
        ]
        rows.append(["計", "", fmt_number(sum(counts.values()))])
        return [table([2, 7, 1], rows, header=[[render("audit-table-class", "ja"),
                                                render("audit-table-about", "ja"),
                                                render("audit-table-count", "ja")]],
                      classes=["keikaku-number-audit"], caption="数値の分類（この版）")]


class CheckExample(SphinxDirective):
    """``{check-example}``: the output of ``keikaku check FILE`` on a copy of the plan with
    one change (``:old:`` → ``:new:`` in the measure file ``:file:``), produced when the
    site is built, so that the example shown is what the command prints."""

    option_spec: ClassVar[dict[str, Any]] = {
        "file": directives.unchanged_required, "old": directives.unchanged_required,
        "new": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        from ..check import check_with_measure
        from ..report import text_report

        _note_all_inputs(self.env)
        started = result_for(self.env)
        rel, old, new = (self.options[k] for k in ("file", "old", "new"))
        path = started.root / rel
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        if text.count(old) != 1 or not rel.startswith("measures/"):
            raise self.error(f"check-example: {old!r} occurs {text.count(old)} times in {rel}"
                             if rel.startswith("measures/") else
                             f"check-example: {rel} is not a measure file")
        # The plan as read when the build started, with the one file changed: the same
        # result as checking a changed copy, without reading every file again.
        result = check_with_measure(started, rel, text.replace(old, new))
        problems = [p for p in result.problems if p.file == rel]
        output = f"$ keikaku check {rel}\n" + text_report(problems, result.files, "ja",
                                                           result.unchecked)
        block = nodes.literal_block(output, output, classes=["keikaku-check-example"])
        block["language"] = "text"
        return [block]
