"""The progress of the KPIs on the site: the page 「成果指標の進捗」, the grading table
that page documents, and the plan at a glance on the front page. All from data."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..model import NOT_AVAILABLE, Plan
from ..numbers import fmt_number
from ..progress import Row, counts, grading_of, has_actuals, rows
from .markup import doc_link, measure_link
from .state import note_data_dependencies, plan_for
from .tables import Cell, Span, table

PROGRESS_DOC = "docs/progress"
NO_ACTUALS = "実績値はまだ記録されていません。"


def grade_span(plan: Plan, grade: str, label: str) -> Span:
    """A grade as text (記号と意味) with its colour as a class: never colour alone."""
    order = [g["grade"] for g in grading_of(plan)["grades"]]
    position = order.index(grade) + 1 if grade in order else 0
    return Span(f"{grade}（{label}）", classes=["keikaku-grade", f"keikaku-grade-{position}"])


def counts_table(plan: Plan) -> nodes.table:
    """KPIs per grade (every grade, zeros included) and those without an actual."""
    per = counts(plan)
    grading = grading_of(plan)
    body: list[list[Cell | Span]] = [
        [grade_span(plan, g["grade"], g["label"]), fmt_number(per[g["grade"]])]
        for g in grading["grades"]]
    graded = sum(per.values())
    body.append(["評価なし（実績値なし）", fmt_number(len(rows(plan)) - graded)])
    return table([4, 2], body, header=[["評価", "成果指標の数"]],
                 classes=["keikaku-grade-counts"], caption="評価ごとの成果指標の数",
                 stub_columns=1, numeric_from=1, scopes=True)


def _lines(*texts: str) -> list[nodes.Node]:
    return [nodes.paragraph(text=x) for x in texts]


def _actuals_cell(plan: Plan, r: Row) -> Cell:
    """Each year's actual, a line per year of the plan that has an entry."""
    lines = []
    for a in sorted(r.kpi.actuals, key=lambda a: a.fiscal_year):
        value = NOT_AVAILABLE if a.value is None else f"{fmt_number(a.value)}{r.kpi.unit}"
        lines.append(f"{a.fiscal_year}年度: {value}")
    return _lines(*lines) if lines else "-"


def _row(plan: Plan, r: Row, refdoc: str) -> list[Cell | Span]:
    k = r.kpi
    got = r.achievement
    return [
        [measure_link(r.measure.number, r.measure.name, r.measure.id, refdoc),
         nodes.paragraph(text=k.name, classes=["keikaku-kpi-name"])],
        _lines(f"{fmt_number(k.baseline.value)}{k.unit}", f"（{k.baseline.fiscal_year}年度）"),
        _lines(f"{fmt_number(k.target.value)}{k.unit}", f"（{k.target.fiscal_year}年度）"),
        _actuals_cell(plan, r),
        _lines(f"{fmt_number(got.rate, 1)}%", f"（{got.fiscal_year}年度）") if got else "-",
        grade_span(plan, got.grade, got.label) if got else "-",
    ]


class ProgressTable(SphinxDirective):
    """``{progress-table}``: counts per grade, then every KPI grouped by 政策分野."""

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env)
        plan = plan_for(self.env)
        out: list[nodes.Node] = []
        if not has_actuals(plan):
            out.append(nodes.paragraph(text=NO_ACTUALS, classes=["keikaku-no-actuals"]))
        out.append(counts_table(plan))
        header = ["施策・成果指標", "現状値", "目標値", "実績値（年度ごと）", "達成率", "評価"]
        body: list[list[Cell | Span]] = []
        all_rows = rows(plan)
        for f in plan.fields():
            field_rows = [r for r in all_rows if r.measure.field is f]
            if not field_rows:
                continue
            body.append([Span(f.name, cols=len(header), classes=["subtotal"])])
            body += [_row(plan, r, self.env.docname) for r in field_rows]
        out.append(table([6, 2, 2, 3, 2, 2], body,
                         header=[header], classes=["keikaku-progress"],
                         caption="成果指標の現状値・目標値・実績値・達成率・評価（政策分野別）",
                         numeric_from=1, scopes=True))
        return out


class GradingTable(SphinxDirective):
    """``{grading-table}``: how 達成率 and grades are computed, from the plan's table."""

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env)
        plan = plan_for(self.env)
        grading = grading_of(plan)
        out: list[nodes.Node] = []
        items = nodes.bullet_list()
        for text in (
            "目標値が現状値より良い指標: 達成率 ＝（実績値 − 現状値）÷（目標値 − 現状値）× 100",
            "目標値が現状値と同じか下回る指標（水準の維持、減少を見込む指標）: "
            "達成率 ＝ 実績値 ÷ 目標値 × 100（値が大きいほど良い指標）、"
            "目標値 ÷ 実績値 × 100（値が小さいほど良い指標）",
            "達成率は小数第１位に四捨五入します。評価には、現状値の年度より後で値のある"
            "最新の年度の実績値を使います。",
        ):
            item = nodes.list_item()
            item += nodes.paragraph(text=text)
            items += item
        out.append(items)
        if grading["basis"] == "expected":
            out.append(nodes.paragraph(text=(
                "評価は、達成率を、その年度までに期待される進み具合（期待進捗率）と比べて"
                "決めます。期待進捗率 ＝（実績値の年度 − 現状値の年度）÷（目標値の年度 − "
                "現状値の年度）× 100（100 を上限）。目標値が現状値と同じか下回る指標は、"
                "毎年度、目標の水準にあることが期待されるため 100 とします。"
                "比べた値 ＝ 達成率 ÷ 期待進捗率 × 100 が、次の表の基準を上から順に"
                "満たす最初の区分になります。")))
        else:
            out.append(nodes.paragraph(text=(
                "評価は、達成率が次の表の基準を上から順に満たす最初の区分になります。")))
        body: list[list[Cell | Span]] = []
        for g in grading["grades"]:
            if "min" in g:
                rule = f"{fmt_number(g['min'])} 以上"
            elif "above" in g:
                rule = f"{fmt_number(g['above'])} を超える"
            else:
                rule = "上のいずれにも当たらない"
            body.append([grade_span(plan, g["grade"], g["label"]), rule])
        source = ("docs/data/plan.yaml の grading" if plan.grading
                  else "既定の評価区分（docs/data/plan.yaml に grading がないため）")
        out.append(table([3, 4], body, header=[["評価", "基準"]],
                         classes=["keikaku-grading"], caption=f"評価区分（{source}）",
                         stub_columns=1, scopes=True))
        return out


class PlanAtAGlance(SphinxDirective):
    """``{plan-at-a-glance}``: the front page's summary, every figure from data."""

    def run(self) -> list[nodes.Node]:
        note_data_dependencies(self.env)
        plan = plan_for(self.env)
        doc = self.env.docname
        kpis = sum(len(m.kpis) for m in plan.measures)
        total = plan.budget_totals()["total"]

        def linked(text: str, target: str, label: str) -> list[nodes.Node]:
            para = nodes.paragraph()
            para += nodes.Text(text)
            if target:
                para += nodes.Text("（")
                para += doc_link(target, label, doc)
                para += nodes.Text("）")
            return [para]

        body: list[list[Cell | Span]] = [
            ["計画期間", f"{plan.period_start}年度〜{plan.period_end}年度"],
            ["事業費の総額", linked(f"{fmt_number(total)}{plan.budget_unit}", "docs/budget",
                                 "年度別・政策分野別のグラフ")],
            ["具体的な取組の数", linked(f"{fmt_number(len(plan.measures))}件",
                                    "docs/vision/04-measures", "体系図")],
            ["成果指標（KPI）の数", f"{fmt_number(kpis)}件"],
        ]
        if plan.population is not None:
            targets = "、".join(f"{t.year}年 {fmt_number(t.population)}人程度"
                               for t in plan.population.targets)
            body.append(["人口の目標", linked(targets, "docs/vision/03-present",
                                           "推計・展望人口とのグラフ")])
        if has_actuals(plan):
            per = counts(plan)
            labels = {g["grade"]: g["label"] for g in grading_of(plan)["grades"]}
            text = "、".join(f"{g}（{labels[g]}）{fmt_number(n)}件" for g, n in per.items())
        else:
            text = NO_ACTUALS
        body.append(["成果指標の評価", linked(text, PROGRESS_DOC, "成果指標の進捗")])
        return [table([2, 5], body, header=[["項目", "内容"]],
                      classes=["keikaku-glance"], caption="計画の概要",
                      stub_columns=1, scopes=True)]
