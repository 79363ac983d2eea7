"""The site's catalogue: every text the extension puts on a page, in Japanese and English.

As in the CLI's catalogue (``keikaku.messages``), code names a key and its parameters
and ``site_text`` picks the language, so that an English site stays possible. The
language is the reader's, Sphinx's ``language`` (conf.py); anything but "en" is "ja".
(``keikaku_lang`` is another setting: the language of the build's messages to the
plan's authors.)

Texts that are the plan's data or match it (the body headings 取組内容…, 未定, the era
names) are not here: they belong to the plan and its model, not to the site.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..messages import fill
from ..numbers import fmt_number

LANGS = ("ja", "en")

SITE_TEXTS: dict[str, dict[str, str]] = {
    # -- shared ------------------------------------------------------------
    "list-sep": {"ja": "、", "en": ", "},
    "name-sep": {"ja": "・", "en": ", "},
    "fiscal-year": {"ja": "{year}年度", "en": "FY{year}"},
    "year": {"ja": "{year}年", "en": "{year}"},
    "period": {"ja": "{start}年度〜{end}年度", "en": "FY{start}–FY{end}"},
    "total": {"ja": "合計", "en": "Total"},
    "fiscal-year-heading": {"ja": "年度", "en": "Fiscal year"},
    "year-heading": {"ja": "年", "en": "Year"},
    "baseline": {"ja": "現状値", "en": "Baseline"},
    "target": {"ja": "目標値", "en": "Target"},
    "actuals": {"ja": "実績値", "en": "Actual"},
    "no-actuals": {"ja": "実績値はまだ記録されていません。",
                   "en": "No actual values have been recorded yet."},
    "policy-field": {"ja": "政策分野", "en": "Policy field"},
    "note": {"ja": "備考", "en": "Note"},
    "persons": {"ja": "{n}人", "en": "{n}"},
    "paren-open": {"ja": "（", "en": " ("},
    "paren-close": {"ja": "）", "en": ")"},
    "in-fiscal-year": {"ja": "（{year}年度）", "en": "(FY{year})"},
    "grade": {"ja": "評価", "en": "Grade"},
    "achievement-rate": {"ja": "達成率", "en": "Achievement"},
    "structure-diagram": {"ja": "体系図", "en": "Structure diagram"},
    "population-target-item": {"ja": "{year}年 {n}人程度", "en": "{year}: about {n}"},
    "label-colon": {"ja": "{label}: ", "en": "{label}: "},
    "excluding-undecided": {"ja": "（未定の年度を除く）", "en": " (excluding years not yet fixed)"},
    "category": {"ja": "区分", "en": "Category"},
    "area": {"ja": "連携する事項", "en": "Area of cooperation"},
    "direction": {"ja": "施策展開の基本的方向", "en": "Basic direction"},
    "measures": {"ja": "具体的な取組", "en": "Measures"},
    "archive": {"ja": "原文の記録", "en": "the record of the source"},
    "erratum": {"ja": "正誤表 {id}", "en": "Erratum {id}"},
    # -- archive.py --------------------------------------------------------
    "source-line": {"ja": "原文 {line}行", "en": "source line {line}"},
    "source-lines": {"ja": "原文 {first}〜{last}行", "en": "source lines {first}–{last}"},
    "source-link-title": {"ja": "{label}（原文の記録の該当行）",
                          "en": "{label} (the line in the record of the source)"},
    "archive-text-label": {"ja": "原文の記録の本文（行番号付き）",
                           "en": "The text of the record of the source (with line numbers)"},
    "archive-redacted-lines": {"ja": "{what}: {lines}行", "en": "{what}: lines {lines}"},
    "archive-title": {"ja": "資料", "en": "Document"},
    "archive-origin": {"ja": "出所", "en": "Origin"},
    "archive-file": {"ja": "ファイル", "en": "File"},
    "archive-lines": {"ja": "行数", "en": "Lines"},
    "archive-line-count": {"ja": "{n}行（原文と同じ）", "en": "{n} (as in the source)"},
    "archive-sha-original": {"ja": "SHA-256（原文）", "en": "SHA-256 (source)"},
    "archive-sha-record": {"ja": "SHA-256（この記録）", "en": "SHA-256 (this record)"},
    "archive-redacted": {"ja": "削除した行", "en": "Redacted lines"},
    "archive-redacted-text": {"ja": "次の行は内容を「{marker}」に置き換えています。{reason}",
                              "en": "The following lines are replaced by “{marker}”. {reason}"},
    "archive-caption": {"ja": "原文の記録の出所",
                        "en": "Where the record of the source comes from"},
    # -- summaries.py ------------------------------------------------------
    "structure-no-measures": {"ja": "（具体的な取組なし）", "en": "(no measures)"},
    "structure-field": {"ja": "協定に基づき連携する政策分野",
                        "en": "Policy field of cooperation under the agreement"},
    "agreement": {"ja": "協定の内容", "en": "The agreement"},
    "agreement-content": {"ja": "取組の内容", "en": "What is done"},
    "agreement-role": {"ja": "{name}の役割", "en": "Role of {name}"},
    "budget-subtotal": {"ja": "{name}（計）", "en": "{name} (subtotal)"},
    "budget-field": {"ja": "　{name}", "en": "  {name}"},
    "budget-by-field": {"ja": "政策分野別・年度別の事業費（千円）",
                        "en": "Budget by policy field and fiscal year (thousand yen)"},
    "budget-by-measure": {"ja": "具体的な取組別・年度別の事業費（千円）",
                          "en": "Budget by measure and fiscal year (thousand yen)"},
    "errata-intro-before": {"ja": "「原案の記載」の引用は、すべて",
                            "en": "keikaku check verifies that every quote under "
                                  "“printed in the draft” is word for word in "},
    "errata-intro-after": {
        "ja": "（{path}、懇談会資料の PDF のテキスト層）にそのままあることを keikaku check "
              "で確かめています（改行と空白の違いを除く）。「原文 N行」はその行です。",
        "en": " ({path}, the text layer of the council's PDF), line breaks and spaces "
              "aside. “Source line N” is the line.",
    },
    "erratum-head": {"ja": "{id}　{kind}", "en": "{id} {kind}"},
    "erratum-measure-open": {"ja": "　（", "en": " ("},
    "erratum-not-verbatim": {"ja": "　（原文どおりの引用ではありません: {reason}）",
                             "en": " (not a verbatim quote: {reason})"},
    "erratum-source-sep": {"ja": "　", "en": " "},
    "erratum-where": {"ja": "箇所", "en": "Where"},
    "erratum-printed": {"ja": "原案の記載", "en": "Printed in the draft"},
    "erratum-resolved": {"ja": "本リポジトリでの扱い", "en": "In this repository"},
    "erratum-reason": {"ja": "理由", "en": "Reason"},
    "erratum-rule": {"ja": "検出するルール", "en": "Rule that detects it"},
    "erratum-by-hand": {"ja": "（人による確認）", "en": "(checked by a person)"},
    "errata-kind-name-mismatch": {"ja": "名称の不一致", "en": "Names differ"},
    "errata-kind-direction-mismatch": {"ja": "施策展開の基本的方向の不一致",
                                       "en": "Basic directions differ"},
    "errata-kind-field-mismatch": {"ja": "政策分野の表記の不一致",
                                   "en": "Policy field written differently"},
    "errata-kind-label-mismatch": {"ja": "項目名の不一致", "en": "Item names differ"},
    "errata-kind-kpi-derivation": {"ja": "成果指標の算出", "en": "KPI computation"},
    "errata-kind-kpi-target-below-baseline": {"ja": "目標値が現状値を下回る",
                                              "en": "Target below the baseline"},
    "errata-kind-kpi-target-unchanged": {"ja": "目標値が現状値と同じ",
                                         "en": "Target equal to the baseline"},
    "errata-kind-outlier": {"ja": "突出した値", "en": "Outlying value"},
    "errata-kind-year-label": {"ja": "年と年度の表記", "en": "Calendar and fiscal years"},
    "errata-kind-population-target": {"ja": "人口目標と推計の不一致",
                                      "en": "Population target and projection differ"},
    "errata-kind-text": {"ja": "本文の表記", "en": "Wording of the text"},
    "errata-kind-other": {"ja": "その他", "en": "Other"},
    "download-pdf": {"ja": "　計画全体の PDF（A4、目次・しおり付き）",
                     "en": " The whole plan as PDF (A4, with contents and bookmarks)"},
    "download-json": {"ja": "　JSON（schemas/export.schema.json に準拠）",
                      "en": " JSON (conforming to schemas/export.schema.json)"},
    "download-csv": {"ja": "　CSV（UTF-8、施策×成果指標ごとに1行）",
                     "en": " CSV (UTF-8, one row per measure and KPI)"},
    "directions-field": {"ja": "取組分野", "en": "Field"},
    "directions-caption": {"ja": "{name}の政策分野に関する施策展開の基本的方向",
                           "en": "Basic directions of the policy fields of {name}"},
    "rules-code": {"ja": "コード", "en": "Code"},
    "rules-family": {"ja": "分類", "en": "Family"},
    "rules-text": {"ja": "検査の内容", "en": "What is checked"},
    "rules-caption": {"ja": "keikaku check の検査項目", "en": "The checks of keikaku check"},
    "measure-erratum": {"ja": "　{kind}: {text}", "en": " {kind}: {text}"},
    "measure-errata": {"ja": "原案との違い（正誤表）",
                       "en": "Differences from the draft (errata)"},
    "audit-total": {"ja": "計", "en": "Total"},
    "audit-caption": {"ja": "数値の分類（この版）", "en": "Classes of numbers (this revision)"},
    # -- revision.py -------------------------------------------------------
    "other": {"ja": "その他", "en": "Other"},
    "no-comments": {"ja": "意見はありません。", "en": "There are no comments."},
    "comment-kind-public_comments": {"ja": "パブリックコメント", "en": "Public comment"},
    "comment-kind-council_opinions": {"ja": "懇談会委員意見", "en": "Council member's opinion"},
    "comment-ref": {"ja": "{kind} {number}", "en": "{kind} {number}"},
    "comment-caption-public_comments": {"ja": "{kind} 番号 {number}", "en": "{kind} no. {number}"},
    "comment-caption-council_opinions": {"ja": "{kind} № {number}", "en": "{kind} no. {number}"},
    "comment-item": {"ja": "項目", "en": "Item"},
    "comment-page": {"ja": "ページ", "en": "Page"},
    "comment-summary": {"ja": "ご意見の概要", "en": "Summary of the comment"},
    "comment-response": {"ja": "ご意見に対する考え方", "en": "Response to the comment"},
    "opinion": {"ja": "意見等内容", "en": "Opinion"},
    "opinion-response": {"ja": "意見に対する考え方", "en": "Response to the opinion"},
    "comment-counts": {"ja": "政策分野別の意見件数", "en": "Comments per policy field"},
    "measure-comment": {"ja": "　{text}{more}", "en": " {text}{more}"},
    "measure-comments": {"ja": "この施策に関する意見", "en": "Comments on this measure"},
    "change-continued": {"ja": "継続", "en": "Continued"},
    "change-removed": {"ja": "削除", "en": "Removed"},
    "change-changed": {"ja": "変更", "en": "Changed"},
    "change-added": {"ja": "追加", "en": "Added"},
    "change-mark": {"ja": "（{mark}）", "en": " ({mark})"},
    # The source's heading for the current vision: the plan's wording, kept here until
    # comparison.yaml names it beside previous_vision.
    "comparison-change": {"ja": "加除・変更", "en": "Added, removed or changed"},
    "comparison-caption": {"ja": "具体的な取組比較表", "en": "Comparison of the measures"},
    "comparison-mark": {"ja": "印", "en": "Mark"},
    "comparison-area": {"ja": "政策分野の区分", "en": "Policy area"},
    "comparison-reasons": {"ja": "加除、変更内容", "en": "What was added, removed or changed"},
    # -- population.py -----------------------------------------------------
    "bracketed": {"ja": "（{text}）", "en": "({text})"},
    "municipality": {"ja": "市町", "en": "Municipality"},
    "sphere-total": {"ja": "圏域合計", "en": "Sphere total"},
    "age-age_0_14": {"ja": "0～14歳", "en": "Aged 0–14"},
    "age-age_15_64": {"ja": "15～64歳", "en": "Aged 15–64"},
    "age-age_65_plus": {"ja": "65歳以上", "en": "Aged 65 and over"},
    "change-rate-percent": {"ja": "増減率(%)", "en": "Change (%)"},
    "change-rate": {"ja": "増減率", "en": "Change"},
    "population-share": {"ja": "人口比率", "en": "Share"},
    "compared-with": {"ja": "{base}比", "en": "vs {base}"},
    "aging-rate": {"ja": "高齢化率", "en": "Aging rate"},
    "table-note": {"ja": "※ {note}", "en": "* {note}"},
    "land-area": {"ja": "面積", "en": "Area"},
    "land-share": {"ja": "構成比", "en": "Share"},
    "land-area-caption": {"ja": "面積（単位：{unit}）", "en": "Area (unit: {unit})"},
    # -- changes.py --------------------------------------------------------
    "this-revision": {"ja": "この版", "en": "this revision"},
    "changes-no-base": {
        "ja": "比較の基準にする版が指定されていないため、変更点はありません。"
              "基準の版を指定してビルドすると、ここに変更点が表示されます"
              "（例: KEIKAKU_DIFF_BASE=published/2024 nox -s build）。",
        "en": "No revision to compare with was given, so there are no changes to show. "
              "Build with a base revision to list the changes here "
              "(e.g. KEIKAKU_DIFF_BASE=published/2024 nox -s build).",
    },
    "changes-measure": {"ja": "施策", "en": "Measure"},
    "changes-what": {"ja": "変更の内容", "en": "What changed"},
    "changes-before": {"ja": "変更前", "en": "Before"},
    "changes-after": {"ja": "変更後", "en": "After"},
    "changes-difference": {"ja": "差", "en": "Difference"},
    "changes-budget": {"ja": "計画全体の事業費（千円）",
                       "en": "Budget of the whole plan (thousand yen)"},
    # -- sources.py (generated Markdown: no MyST syntax in these texts) ------
    "measure-page-error": {
        "ja": "この施策ファイルは検査エラーのため表示できません。"
              "keikaku check で確認してください。",
        "en": "This measure file cannot be shown because of check errors; run keikaku check.",
    },
    "kpi-charts-heading": {"ja": "成果指標の推移", "en": "The KPIs over time"},
    "chapter-area": {"ja": "{index}　{name}に係る政策分野の取組",
                     "en": "{index} Measures in the policy fields of {name}"},
    "chapter-field": {"ja": "（{index}）{name}", "en": "({index}) {name}"},
    "chapter-direction": {"ja": "{mark}　{name}", "en": "{mark} {name}"},
    "plan-unavailable": {"ja": "（計画を読み込めません）", "en": "(the plan cannot be read)"},
    # -- __init__.py, pdf.py, settings.py -----------------------------------
    "table": {"ja": "表", "en": "Table"},
    # conf.py's title when docs/data/plan.yaml cannot be read (the build reports why).
    "fallback-title": {"ja": "共生ビジョン", "en": "Vision"},
    # -- card.py -----------------------------------------------------------
    # What a card shows for an empty SDGs list or 関係市町 when the plan's source_notes
    # say nothing about it, and for a measure without KPIs.
    "card-unset": {"ja": "未設定", "en": "Not set"},
    "card-no-kpis": {"ja": "設定なし", "en": "None set"},
    "card-reason-unchanged": {"ja": "目標値を現状値と同じとした理由",
                              "en": "Why the target equals the baseline"},
    "card-reason-below": {"ja": "目標値が現状値を下回る理由",
                          "en": "Why the target is below the baseline"},
    "card-reason-above": {"ja": "目標値が現状値を上回る理由",
                          "en": "Why the target is above the baseline"},
    "card-reason": {"ja": "目標値の理由", "en": "Why this target"},
    "card-value-in-year": {"ja": "{value}（{year}年度）", "en": "{value} (FY{year})"},
    "card-baseline-in": {"ja": "現状値（{year}年度）", "en": "Baseline (FY{year})"},
    "card-target-in": {"ja": "目標値（{year}年度）", "en": "Target (FY{year})"},
    "card-derivation": {"ja": "{value}の算出方法: ", "en": "How the {value} is computed: "},
    "card-derivation-source": {"ja": "　出典: {source}", "en": " Source: {source}"},
    "card-kpi": {"ja": "指標", "en": "Indicator"},
    "card-budget-years": {"ja": "実施年度", "en": "Fiscal year"},
    "card-projects-common": {"ja": "共通", "en": "Joint"},
    "card-projects-group": {"ja": "【{name}】", "en": "[{name}] "},
    "card-projects-sep": {"ja": "　", "en": "; "},
    "card-project": {"ja": "○{name}", "en": "{name}"},
    "card-note": {"ja": "※{note}", "en": "* {note}"},
    # -- progress.py -------------------------------------------------------
    "progress-title": {"ja": "成果指標の進捗", "en": "Progress of the KPIs"},
    "progress-ungraded": {"ja": "評価なし（実績値なし）", "en": "No grade (no actual value)"},
    "progress-kpi-count": {"ja": "成果指標の数", "en": "Number of KPIs"},
    "progress-counts": {"ja": "評価ごとの成果指標の数", "en": "KPIs per grade"},
    "progress-actual": {"ja": "{year}年度: {value}", "en": "FY{year}: {value}"},
    "progress-measure-kpi": {"ja": "施策・成果指標", "en": "Measure and KPI"},
    "progress-actuals": {"ja": "実績値（年度ごと）", "en": "Actuals (by fiscal year)"},
    "progress-caption": {
        "ja": "成果指標の現状値・目標値・実績値・達成率・評価（政策分野別）",
        "en": "Baseline, target, actuals, achievement and grade of each KPI (by policy field)",
    },
    "grading-rate-better": {
        "ja": "目標値が現状値より良い指標: 達成率 ＝（実績値 − 現状値）÷（目標値 − 現状値）× 100",
        "en": "A KPI whose target is better than its baseline: achievement = (actual − "
              "baseline) ÷ (target − baseline) × 100",
    },
    "grading-rate-other": {
        "ja": "目標値が現状値と同じか下回る指標（水準の維持、減少を見込む指標）: "
              "達成率 ＝ 実績値 ÷ 目標値 × 100（値が大きいほど良い指標）、"
              "目標値 ÷ 実績値 × 100（値が小さいほど良い指標）",
        "en": "A KPI whose target equals or falls short of its baseline (a level kept, or a "
              "decrease expected): achievement = actual ÷ target × 100 (where higher is "
              "better), target ÷ actual × 100 (where lower is better)",
    },
    "grading-rounding": {
        "ja": "達成率は小数第１位に四捨五入します。評価には、現状値の年度より後で値のある"
              "最新の年度の実績値を使います。",
        "en": "The achievement is rounded half up to one decimal place. A grade uses the "
              "actual of the latest fiscal year after the baseline's that has a value.",
    },
    "grading-expected": {
        "ja": "評価は、達成率を、その年度までに期待される進み具合（期待進捗率）と比べて"
              "決めます。期待進捗率 ＝（実績値の年度 − 現状値の年度）÷（目標値の年度 − "
              "現状値の年度）× 100（100 を上限）。目標値が現状値と同じか下回る指標は、"
              "毎年度、目標の水準にあることが期待されるため 100 とします。"
              "比べた値 ＝ 達成率 ÷ 期待進捗率 × 100 が、次の表の基準を上から順に"
              "満たす最初の区分になります。",
        "en": "A grade compares the achievement with the progress expected by that year "
              "(expected progress = (actual's year − baseline's year) ÷ (target's year − "
              "baseline's year) × 100, at most 100; 100 for a KPI whose target equals or "
              "falls short of its baseline, as the target's level is expected every year). "
              "The grade is the first row of the table below whose criterion the compared "
              "value (achievement ÷ expected progress × 100) meets.",
    },
    "grading-rate": {
        "ja": "評価は、達成率が次の表の基準を上から順に満たす最初の区分になります。",
        "en": "The grade is the first row of the table below whose criterion the "
              "achievement meets.",
    },
    "grading-min": {"ja": "{value} 以上", "en": "{value} or more"},
    "grading-above": {"ja": "{value} を超える", "en": "more than {value}"},
    "grading-otherwise": {"ja": "上のいずれにも当たらない", "en": "none of the above"},
    "grading-source-plan": {"ja": "docs/data/plan.yaml の grading",
                            "en": "grading in docs/data/plan.yaml"},
    "grading-source-default": {
        "ja": "既定の評価区分（docs/data/plan.yaml に grading がないため）",
        "en": "the default grades (docs/data/plan.yaml has no grading)",
    },
    "grading-rule": {"ja": "基準", "en": "Criterion"},
    "grading-caption": {"ja": "評価区分（{source}）", "en": "Grades ({source})"},
    "glance-period": {"ja": "計画期間", "en": "Plan period"},
    "glance-budget": {"ja": "事業費の総額", "en": "Total budget"},
    "glance-budget-link": {"ja": "年度別・政策分野別のグラフ",
                           "en": "chart by fiscal year and policy field"},
    "glance-measures": {"ja": "具体的な取組の数", "en": "Number of measures"},
    "glance-count": {"ja": "{n}件", "en": "{n}"},
    "glance-kpis": {"ja": "成果指標（KPI）の数", "en": "Number of KPIs"},
    "glance-population": {"ja": "人口の目標", "en": "Population targets"},
    "glance-population-link": {"ja": "推計・展望人口とのグラフ",
                               "en": "chart with the projected and prospective population"},
    "glance-grade-count": {"ja": "{grade}（{label}）{n}件", "en": "{grade} ({label}) {n}"},
    "glance-grades": {"ja": "成果指標の評価", "en": "KPI grades"},
    "glance-item": {"ja": "項目", "en": "Item"},
    "glance-content": {"ja": "内容", "en": "Content"},
    "glance-caption": {"ja": "計画の概要", "en": "The plan at a glance"},
    # -- charts.py ---------------------------------------------------------
    "chart-data-caption": {"ja": "{title}のデータ", "en": "{title}: the data"},
    "chart-unit": {"ja": "単位: {unit}", "en": "Unit: {unit}"},
    "kpi-chart-title": {"ja": "成果指標「{name}」の推移", "en": "The KPI “{name}” over time"},
    "kpi-chart-desc": {
        "ja": "{start}年度の現状値 {baseline}{unit}、{end}年度の目標値 {target}{unit}。",
        "en": "Baseline {baseline}{unit} in FY{start}, target {target}{unit} in FY{end}. ",
    },
    "kpi-chart-actuals": {"ja": "実績値: {values}。", "en": "Actuals: {values}. "},
    "kpi-chart-actual": {"ja": "{year}年度 {value}{unit}", "en": "FY{year} {value}{unit}"},
    "kpi-chart-achievement": {
        "ja": "{year}年度の達成率 {rate}%、評価 {grade}（{label}）。",
        "en": "Achievement in FY{year} {rate}%, grade {grade} ({label}).",
    },
    "kpi-chart-line": {"ja": "目標への直線", "en": "Straight line to the target"},
    "kpi-chart-line-value": {"ja": "直線上の値", "en": "Value on the line"},
    "budget-chart-title": {"ja": "年度別・政策分野別の事業費",
                           "en": "Budget by fiscal year and policy field"},
    "budget-chart-desc": {
        "ja": "年度ごとの事業費（千円）を政策分野別に積み上げた棒グラフ。合計: {totals}。",
        "en": "Bars of each fiscal year's budget (thousand yen), stacked by policy field. "
              "Totals: {totals}.",
    },
    "budget-chart-total": {"ja": "{year}年度 {amount}千円",
                           "en": "FY{year} {amount} thousand yen"},
    "budget-thousand-yen": {"ja": "事業費（千円）", "en": "Budget (thousand yen)"},
    "population-chart-title": {"ja": "圏域の人口の推計・展望人口と目標",
                               "en": "The sphere's projected and prospective population "
                                     "and the targets"},
    "population-chart-desc": {
        "ja": "圏域の人口の推計（{projection}）と展望人口（{prospect}）の折れ線グラフ、"
              "人口の目標（程度）を点で示す。目標: {targets}。",
        "en": "Lines of the sphere's projected population ({projection}) and prospective "
              "population ({prospect}), with the population targets (approximate) as "
              "points. Targets: {targets}.",
    },
    "population-persons": {"ja": "人口（人）", "en": "Population (persons)"},
    "projected-population": {"ja": "推計人口", "en": "Projected population"},
    "prospective-population": {"ja": "展望人口", "en": "Prospective population"},
    "population-target": {"ja": "人口の目標（程度）", "en": "Population target (approx.)"},
}


def site_lang(holder: Any) -> str:
    """The site's language from anything with a Sphinx ``config`` (app, env, directive,
    builder): "en" for an English site, else "ja"."""
    return "en" if getattr(holder.config, "language", None) == "en" else "ja"


def site_text(key: str, lang: str, **params: object) -> str:
    """The site text ``key`` in ``lang`` ("ja" for anything unknown), filled in."""
    return fill(SITE_TEXTS[key], lang, **params)


def site_list(items: Any, lang: str) -> str:
    """Items joined as a list in running text (「、」 in Japanese)."""
    return site_text("list-sep", lang).join(items)


def sum_text(amounts: Iterable[int], undecided: bool, lang: str) -> str:
    """A budget sum as the tables and charts print it: with 「（未定の年度を除く）」 when
    an undecided (未定) year was left out of it."""
    return fmt_number(sum(amounts)) + (site_text("excluding-undecided", lang)
                                       if undecided else "")
