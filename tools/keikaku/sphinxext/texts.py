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

from typing import Any

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
    "population-target-item": {"ja": "{year}年 {n}人程度", "en": "{year}: about {n}"},
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
    entry = SITE_TEXTS[key]
    return entry["en" if lang == "en" else "ja"].format(**params)


def site_list(items: Any, lang: str) -> str:
    """Items joined as a list in running text (「、」 in Japanese)."""
    return site_text("list-sep", lang).join(items)
