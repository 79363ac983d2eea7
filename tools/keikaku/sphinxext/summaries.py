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
from .card import UNDECIDED
from .markup import doc_link, measure_docname, measure_link, paragraphs
from .state import note_data_dependencies, plan_for, result_for
from .tables import Cell, Span, table
from .texts import site_lang, site_text, sum_text

# The kinds of errata (schemas: errata.kind) have their names in the site catalogue
# under "errata-kind-<kind>".

ERRATA_DOC = "docs/errata"
DOWNLOADS = {"json": "data/keikaku-plan.json", "csv": "data/keikaku-plan.csv"}


class StructureDiagram(SphinxDirective):
    """``{structure-diagram}``: area → field → direction → numbered measures, linked."""

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env)
        plan = plan_for(self.env)
        lang = site_lang(self)
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
                            row.append(nodes.inline(text=site_text("structure-no-measures", lang),
                                                    classes=["keikaku-unset"]))
                        else:
                            row.append([measure_link(m.number, m.name, m.id,
                                                     self.env.docname)])
                        rows.append(row)
        return [table([2, 2, 3, 4], rows,
                      header=[[site_text(key, lang) for key in (
                          "area", "structure-field", "direction", "measures")]],
                      classes=["keikaku-structure"],
                      caption=site_text("structure-diagram", lang))]


class Agreement(SphinxDirective):
    """``{agreement} <direction-id>``: the 協定の内容 of a direction."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env, measures=False)
        plan = plan_for(self.env)
        direction = next((d for d in plan.directions() if d.id == self.arguments[0]), None)
        if direction is None:
            raise self.error(f"unknown direction id {self.arguments[0]!r}")
        lang = site_lang(self)
        rows: list[list[Cell | Span]] = [[site_text("agreement-content", lang),
                                          paragraphs(direction.content)]]
        for mun in plan.municipalities:
            if mun.id in direction.roles:
                rows.append([site_text("agreement-role", lang, name=mun.name),
                             paragraphs(direction.roles[mun.id])])
        return [table([2, 8], rows, classes=["keikaku-agreement"],
                      caption=site_text("agreement", lang),
                      stub_columns=1)]


class BudgetSummary(SphinxDirective):
    """``{budget-summary}``: budgets by fiscal year x area and field, then by measure,
    with row, column and 5-year totals, all summed from the measure files."""

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env)
        plan = plan_for(self.env)
        years = plan.fiscal_years
        lang = site_lang(self)
        header = [[site_text("category", lang),
                   *(site_text("fiscal-year", lang, year=y) for y in years),
                   plan.label("budget_total")]]

        def amounts(measures: list) -> list[Cell | Span]:
            """Per year and in total; a measure's 未定 year shows as 未定, a sum that
            leaves one out says so."""
            cells = []
            for y in years:
                given = [m.budget.get(y, 0) for m in measures]
                if len(given) == 1 and given[0] is None:
                    cells.append(Span(UNDECIDED, classes=["num"]))
                else:
                    cells.append(Span(sum_text([v for v in given if v is not None],
                                                None in given, lang), classes=["num"]))
            undecided = any(m.undecided_years for m in measures)
            cells.append(Span(sum_text([m.budget_total for m in measures], undecided, lang),
                              classes=["num"]))
            return cells

        rows: list[list[Cell | Span]] = []
        for area in plan.areas:
            area_measures = [m for m in plan.measures if m.area is area]
            rows.append([Span(site_text("budget-subtotal", lang, name=area.name),
                              classes=["subtotal"]),
                         *[Span(c.cell, classes=["num", "subtotal"]) for c in
                           amounts(area_measures)]])
            for field in area.fields:
                rows.append([site_text("budget-field", lang, name=field.name),
                             *amounts([m for m in area_measures if m.field is field])])
        rows.append([Span(site_text("total", lang), classes=["total"]),
                     *[Span(c.cell, classes=["num", "total"]) for c in amounts(plan.measures)]])
        by_field = table([4] + [2] * (len(years) + 1), rows, header=header,
                         classes=["keikaku-budget-summary"],
                         caption=site_text("budget-by-field", lang))
        measure_rows: list[list[Cell | Span]] = []
        for m in plan.measures:
            measure_rows.append([[measure_link(m.number, m.name, m.id, self.env.docname)],
                                 *amounts([m])])
        measure_rows.append([Span(site_text("total", lang), classes=["total"]),
                             *[Span(c.cell, classes=["num", "total"])
                               for c in amounts(plan.measures)]])
        by_measure = table([4] + [2] * (len(years) + 1), measure_rows,
                           header=[[site_text("measures", lang), *header[0][1:]]],
                           classes=["keikaku-budget-summary"],
                           caption=site_text("budget-by-measure", lang))
        return [by_field, by_measure]


class ErrataList(SphinxDirective):
    """``{errata-list}``: every inconsistency of the draft and how the repository resolves it."""

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env)
        plan = plan_for(self.env)
        archive = result_for(self.env).archive
        lang = site_lang(self)
        out: list[nodes.Node] = []
        if archive is not None:
            note_archive_dependencies(self, archive)
            intro = nodes.paragraph()
            intro += nodes.Text(site_text("errata-intro-before", lang))
            intro += archive_link(archive, self.env.docname, site_text("archive", lang))
            intro += nodes.Text(site_text("errata-intro-after", lang, path=archive.rel))
            out.append(intro)
        for entry in plan.errata:
            anchor = entry["id"].lower()
            section = nodes.container(classes=["keikaku-erratum"], ids=[anchor])
            self.env.domains.standard_domain.note_hyperlink_target(
                anchor, self.env.docname, anchor,
                site_text("erratum", lang, id=entry["id"]))
            head = nodes.paragraph(classes=["keikaku-erratum-head"])
            head += nodes.strong(text=site_text("erratum-head", lang, id=entry["id"], kind=(
                site_text(f"errata-kind-{entry['kind']}", lang))))
            m = plan.measure(entry["measure"]) if entry.get("measure") else None
            if m is not None:
                head += nodes.Text(site_text("erratum-measure-open", lang))
                head += doc_link(measure_docname(m.id), f"{m.number} {m.name}", self.env.docname)
                head += nodes.Text(site_text("paren-close", lang))
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
                    para += nodes.Text(site_text("erratum-not-verbatim", lang,
                                                 reason=p["reason"]))
                elif archive is not None and places[i] is not None:
                    para += nodes.Text(site_text("erratum-source-sep", lang))
                    para += source_link(archive, self.env.docname, *places[i], lang)
                item += para
                printed += item
            rows: list[list[Cell | Span]] = [
                [site_text("erratum-where", lang), render_text(plan, entry["where"])],
                [site_text("erratum-printed", lang), [printed]],
                [site_text("erratum-resolved", lang), render_text(plan, entry["resolved"])],
                [site_text("erratum-reason", lang), render_text(plan, entry["reason"])],
                [site_text("erratum-rule", lang), nodes.literal(text=entry["rule"])
                 if entry.get("rule") else site_text("erratum-by-hand", lang)],
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
        lang = site_lang(self)
        for key, path in (("download-pdf", pdf), ("download-json", DOWNLOADS["json"]),
                          ("download-csv", DOWNLOADS["csv"])):
            uri = posixpath.relpath(path, base or ".")
            para = nodes.paragraph()
            para += nodes.reference("", posixpath.basename(path), refuri=uri,
                                    classes=["keikaku-download"])
            para += nodes.Text(site_text(key, lang))
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
        lang = site_lang(self)
        rows: list[list[Cell | Span]] = []
        for field in area.fields:
            for i, d in enumerate(field.directions):
                row: list[Cell | Span] = []
                if i == 0:
                    row.append(Span(field.name, rows=len(field.directions)))
                row.append(d.name)
                rows.append(row)
        return [table([3, 7], rows, header=[[site_text("directions-field", lang),
                                             site_text("direction", lang)]],
                      classes=["keikaku-directions"],
                      caption=site_text("directions-caption", lang, name=area.name))]


class RuleCatalogue(SphinxDirective):
    """``{rule-catalogue}``: every check code with what it requires, from the code registry."""

    def run(self) -> list[nodes.Node]:
        from ..catalogue import text
        from ..problems import CODES

        lang = site_lang(self)
        rows: list[list[Cell | Span]] = [
            [nodes.literal(text=code), family, text(code)]
            for code, family in CODES.items()
        ]
        return [table([3, 2, 8], rows, header=[[site_text(key, lang) for key in (
                          "rules-code", "rules-family", "rules-text")]],
                      classes=["keikaku-rules"], caption=site_text("rules-caption", lang))]


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
        lang = site_lang(self)
        items = nodes.bullet_list(classes=["keikaku-measure-errata"])
        for e in entries:
            para = nodes.paragraph()
            ref = doc_link(ERRATA_DOC, site_text("erratum", lang, id=e["id"]), self.env.docname)
            ref["reftype"], ref["reftarget"] = "ref", e["id"].lower()
            para += ref
            para += nodes.Text(site_text("measure-erratum", lang, kind=site_text(
                f"errata-kind-{e['kind']}", lang), text=render_text(plan, e["resolved"])))
            item = nodes.list_item()
            item += para
            items += item
        return [nodes.rubric(text=site_text("measure-errata", lang)), items]


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
        lang = site_lang(self)
        rows: list[list[Cell | Span]] = [
            [render(f"class-{c}", lang), render(f"class-{c}-about", lang), fmt_number(counts[c])]
            for c in CLASSES
        ]
        rows.append([site_text("audit-total", lang), "", fmt_number(sum(counts.values()))])
        return [table([2, 7, 1], rows, header=[[render("audit-table-class", lang),
                                                render("audit-table-about", lang),
                                                render("audit-table-count", lang)]],
                      classes=["keikaku-number-audit"], caption=site_text("audit-caption", lang))]


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
