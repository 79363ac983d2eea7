"""The message catalogue: every text a person reads, in Japanese and English.

Code never builds user-facing sentences inline; it names a message key and
its parameters, and ``render`` picks the language.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # -- reading files -----------------------------------------------------
    "unreadable": {
        "ja": "ファイルを読めません（{reason}）。UTF-8 のテキストファイルとして保存してください",
        "en": "cannot read the file ({reason}); save it as a UTF-8 text file",
    },
    "not-utf8": {
        "ja": "UTF-8 として読めない文字があります（{offset} バイト目）。UTF-8 で保存し直してください",
        "en": "bytes that are not UTF-8 at offset {offset}; save the file as UTF-8",
    },
    "too-large": {
        "ja": "ファイルが大きすぎるため読みません（{size} バイト。上限は {limit} バイト）。1つの施策は1つのファイルに、データは内容ごとのファイルに分け、大きな資料は計画に入れずリンクで示してください",
        "en": "the file is too large to read ({size} bytes; the limit is {limit}); keep one measure per file, split data by subject, and link to large documents instead of including them",
    },
    "front-matter-missing": {
        "ja": "フロントマターがありません。1行目を「---」とし、データのあとを「---」で閉じてください",
        "en": "no front matter: start the file with a line '---' and close the data with '---'",
    },
    "front-matter-unclosed": {
        "ja": "フロントマターが閉じていません。データのあとに「---」だけの行を置いてください",
        "en": "the front matter is not closed: add a line '---' after the data",
    },
    "yaml-syntax": {
        "ja": "YAML の書き方に誤りがあります（{problem}）。インデントと「:」の後の空白を確認してください",
        "en": "YAML syntax error ({problem}); check the indentation and the space after ':'",
    },
    "yaml-anchor": {
        "ja": "YAML のアンカー・エイリアス「{anchor}」は使えません（計画では不要で、展開すると膨大な量になり得るため）。値をその場所にそのまま書いてください",
        "en": "YAML anchors and aliases ('{anchor}') are not allowed (the plan needs none, and expanding them can explode); write the value out where it is used",
    },
    "yaml-too-deep": {
        "ja": "YAML の入れ子が深すぎます（1000 段まで）。「[」「{{」の閉じ忘れやインデントの誤りを確認してください",
        "en": "the YAML nests too deeply (at most 1000 levels); check for unclosed '[' or '{{' and the indentation",
    },
    "too-many-values": {
        "ja": "1つのファイルのデータの項目が多すぎます（上限は {limit} 個）。内容ごとにファイルを分けるか、不要な繰り返しを削ってください",
        "en": "the file holds too many keys and values (the limit is {limit}); split it by subject or remove repetitions",
    },
    "not-a-mapping": {
        "ja": "データが「キー: 値」の形になっていません",
        "en": "the data is not a mapping of 'key: value'",
    },
    # -- schema ------------------------------------------------------------
    "schema": {
        "ja": "{path}: {detail}",
        "en": "{path}: {detail}",
    },
    "schema-required": {
        "ja": "必須の項目「{name}」がありません",
        "en": "the required key '{name}' is missing",
    },
    "schema-unknown-key": {
        "ja": "項目「{name}」はこの場所では使えません{hint}",
        "en": "the key '{name}' is not allowed here{hint}",
    },
    "did-you-mean": {"ja": "（「{name}」の誤りではありませんか）", "en": " (did you mean '{name}'?)"},
    "schema-type": {
        "ja": "値 {value} は{expected}ではありません",
        "en": "the value {value} is not {expected}",
    },
    "schema-number-as-text": {
        "ja": "数値が文字列で書かれています（{value}）。引用符とカンマを外して {fixed} と書いてください",
        "en": "a number written as text ({value}); write {fixed} without quotes and commas",
    },
    "schema-fullwidth": {
        "ja": "全角の数字が使われています（{value}）。半角で {fixed} と書いてください",
        "en": "full-width digits ({value}); write {fixed} in half-width digits",
    },
    "schema-enum": {
        "ja": "値 {value} は使えません。次のいずれかにしてください: {allowed}",
        "en": "the value {value} is not allowed; use one of: {allowed}",
    },
    "schema-other": {"ja": "{detail}", "en": "{detail}"},
    "schema-key-form": {
        "ja": "項目「{name}」はここでは使えません。ここに書く項目は{form}です",
        "en": "the key '{name}' is not allowed here; keys here are {form}",
    },
    "key-form-fiscal-year": {"ja": "西暦４桁の年度（例: 2024）",
                             "en": "fiscal years in four digits (e.g. 2024)"},
    "key-form-year": {"ja": "西暦４桁の年（例: 2020）", "en": "years in four digits (e.g. 2020)"},
    "key-form-id": {"ja": "半角英小文字・数字・ハイフンの ID（例: ichinoseki）",
                    "en": "ids of lower-case letters, digits and hyphens (e.g. ichinoseki)"},
    "key-form-name": {"ja": "半角英小文字・数字・下線の名前（例: search_words）",
                      "en": "names of lower-case letters, digits and underscores "
                            "(e.g. search_words)"},
    "key-form-check-code": {"ja": "検査コード（例: keikaku.budget-outlier）",
                            "en": "check codes (e.g. keikaku.budget-outlier)"},
    "type-integer": {"ja": "整数", "en": "an integer"},
    "type-number": {"ja": "数値", "en": "a number"},
    "type-string": {"ja": "文字列", "en": "a string"},
    "type-boolean": {"ja": "true / false", "en": "true / false"},
    "type-array": {"ja": "リスト", "en": "a list"},
    "type-object": {"ja": "「キー: 値」の組", "en": "a mapping"},
    "more-errors": {
        "ja": "（同じファイルにほか {count} 件のスキーマ違反）",
        "en": "({count} more schema errors in this file)",
    },
    "more-errors-many": {
        "ja": "（同じファイルにほか {count} 件を超えるスキーマ違反）",
        "en": "(more than {count} other schema errors in this file)",
    },
    "body-section-missing": {
        "ja": "本文に見出し「## {heading}」がありません。取組内容・事業効果・役割分担の順に見出しを置いてください",
        "en": "the body lacks the heading '## {heading}'; use 取組内容, 事業効果, 役割分担 in that order",
    },
    "body-section-order": {
        "ja": "本文の見出しの順序が違います（{found}）。{expected} の順にしてください",
        "en": "body headings in the wrong order ({found}); use {expected}",
    },
    "body-section-unknown": {
        "ja": "本文の見出し「## {heading}」は使えません。取組内容・事業効果・役割分担のいずれかにしてください",
        "en": "the body heading '## {heading}' is not one of 取組内容, 事業効果, 役割分担",
    },
    # -- identity and references --------------------------------------------
    "duplicate-id": {
        "ja": "ID「{id}」が {other} と重複しています。ID は一度使ったら再利用しません",
        "en": "the id '{id}' is also used by {other}; ids are never reused",
    },
    "id-file-name": {
        "ja": "ID「{id}」とファイル名「{file}」が一致しません。ファイル名を {id}.md にしてください",
        "en": "the id '{id}' does not match the file name '{file}'; name the file {id}.md",
    },
    "numbering": {
        "ja": "表示番号が 1 から {count} までの連番になっていません（{detail}）",
        "en": "display numbers are not 1..{count} without gaps ({detail})",
    },
    "duplicate-number": {
        "ja": "表示番号 {number} が {other} と重複しています",
        "en": "display number {number} is also used by {other}",
    },
    "unknown-direction": {
        "ja": "施策展開の基本的方向「{id}」が docs/data/structure.yaml にありません{hint}",
        "en": "the direction '{id}' is not in docs/data/structure.yaml{hint}",
    },
    "empty-direction": {
        "ja": "施策展開の基本的方向「{name}」に具体的な取組がありません",
        "en": "the direction '{name}' has no measure",
    },
    "duplicate-structure-id": {
        "ja": "体系の ID「{id}」が重複しています",
        "en": "the structure id '{id}' is used twice",
    },
    "printed-mismatch": {
        "ja": "印刷された{label}「{printed}」がデータの「{expected}」と一致しません。どちらが正しいか確認し、データを直すか printed を直してください",
        "en": "the printed {label} '{printed}' differs from the data's '{expected}'; decide which is right and fix the data or 'printed'",
    },
    "label-name": {"ja": "施策名", "en": "measure name"},
    "label-area": {"ja": "連携する事項", "en": "area"},
    "label-field": {"ja": "政策分野", "en": "policy field"},
    "label-direction": {"ja": "政策の内容", "en": "direction"},
    "unknown-field": {
        "ja": "施策展開の基本的方向のない政策分野「{id}」が docs/data/structure.yaml にありません{hint}",
        "en": "no policy field '{id}' without directions is in docs/data/structure.yaml{hint}",
    },
    "unknown-project-municipality": {
        "ja": "事業名称の区分「{id}」は計画の市町村にありません。使えるのは {known} です",
        "en": "the project group '{id}' is not a municipality of the plan; use one of {known}",
    },
    "kpi-unit": {
        "ja": "単位「{unit}」は計画で使える単位にありません。使えるのは {known} です（docs/data/plan.yaml の kpi_units で増やせます）",
        "en": "the unit '{unit}' is not one of the plan's units: {known} (add it to kpi_units in docs/data/plan.yaml)",
    },
    "kpi-year-order": {
        "ja": "現状値の年度（{baseline}年度）が目標値の年度（{target}年度）より前ではありません",
        "en": "the baseline year (FY{baseline}) is not before the target year (FY{target})",
    },
    "budget-undecided": {
        "ja": "{year}年度の事業費が未定（null）です。「{year}年度」のように年度を書いた理由を notes に記載してください",
        "en": "the budget for FY{year} is not fixed (null); explain it in notes naming the year (e.g. '{year}年度')",
    },
    "unknown-municipality": {
        "ja": "市町「{id}」が docs/data/plan.yaml にありません",
        "en": "the municipality '{id}' is not in docs/data/plan.yaml",
    },
    # -- KPIs ----------------------------------------------------------------
    "kpi-year": {
        "ja": "{which}の年度が {year}年度 です。計画の{expected_name}（{expected}年度）にしてください",
        "en": "the {which} is for FY{year}; use the plan's {expected_name} (FY{expected})",
    },
    "kpi-derivation": {
        "ja": "算出方法 {numerator}{unit}/{denominator}{unit} = {exact}{suffix} を{rounding}すると {computed}{suffix} ですが、記載値は {stated}{suffix} です。算出方法の端数処理か記載値を直してください",
        "en": "the derivation {numerator}{unit}/{denominator}{unit} = {exact}{suffix} rounds ({rounding}) to {computed}{suffix}, but the stated value is {stated}{suffix}; fix the rounding or the value",
    },
    "kpi-target-worse": {
        "ja": "目標値 {target}{unit} が現状値 {baseline}{unit} より {percent}% 悪化しています。理由を target_reason に記載してください",
        "en": "the target {target}{unit} is {percent}% worse than the baseline {baseline}{unit}; record the reason in target_reason",
    },
    "kpi-target-worse-explained": {
        "ja": "目標値 {target}{unit} は現状値 {baseline}{unit} より {percent}% 悪化しています（理由の記載あり）",
        "en": "the target {target}{unit} is {percent}% worse than the baseline {baseline}{unit} (reason recorded)",
    },
    "kpi-unchanged": {
        "ja": "目標値が現状値と同じ {value}{unit} です。現状の維持を目標とする理由を target_reason に記載してください",
        "en": "the target equals the baseline ({value}{unit}); record in target_reason why keeping the level is the aim",
    },
    "kpi-unchanged-explained": {
        "ja": "目標値が現状値と同じ {value}{unit} です（理由の記載あり）",
        "en": "the target equals the baseline ({value}{unit}) (reason recorded)",
    },
    "kpi-outlier": {
        "ja": "目標値 {target}{unit} が現状値 {baseline}{unit} の {factor} 倍で、{limit} 倍を超えています。桁や累計・単年の取り違えがないか確かめ、値が正しければ理由を target_reason に記載してください",
        "en": "the target {target}{unit} is {factor} times the baseline {baseline}{unit}, more than {limit} times; check the digits and cumulative vs yearly values, and if right record the reason in target_reason",
    },
    "actual-year": {
        "ja": "実績値の年度 {year}年度 は記入できる範囲（{first}〜{last}年度: 現状値の年度から計画の最終年度まで）の外です。年度を確かめてください",
        "en": "the actual's fiscal year {year} is outside the years that can have one ({first}-{last}: from the baseline's year to the plan's last year); check the year",
    },
    "actual-note": {
        "ja": "{year}年度の実績値が null（未把握）ですが、理由がありません。「{year}: {{value: null, note: 調査が隔年のため未把握}}」のように note を書いてください",
        "en": "the actual of FY{year} is null (not available) without a reason; write a note, as '{year}: {{value: null, note: ...}}'",
    },
    "actual-missing": {
        "ja": "実績値の時点（plan.yaml の as_of: {as_of}）までに終わった {years}年度の実績値がありません（成果指標「{kpi}」）。値か、未把握なら null と理由を記入してください",
        "en": "no actual for fiscal year(s) {years}, ended by the plan's as_of date {as_of} (KPI '{kpi}'); write the value, or null with a note if it is not available",
    },
    "actual-derivation-undeclared": {
        "ja": "{year}年度の実績値に分子・分母がありますが、この成果指標には算出方法（derivation）がありません。現状値に derivation を書くか、分子・分母を削除してください",
        "en": "the actual of FY{year} has parts, but the KPI declares no derivation; add one to the baseline or remove the parts",
    },
    "grading-open-not-last": {
        "ja": "評価区分「{grade}」に基準（min または above）がありません。基準のない区分は最後の１つだけにしてください",
        "en": "grade '{grade}' has no threshold (min or above); only the last grade may have none",
    },
    "grading-last-threshold": {
        "ja": "最後の評価区分「{grade}」に基準があります。最後の区分は基準を書かず、残りすべてを受けるようにしてください",
        "en": "the last grade '{grade}' has a threshold; leave it out so that the last grade takes the rest",
    },
    "grading-order": {
        "ja": "評価区分「{grade}」の基準 {threshold} が、前の区分の基準 {previous} 以上です。基準の高い区分から順に並べてください",
        "en": "grade '{grade}' has threshold {threshold}, not below the previous grade's {previous}; order the grades from the highest threshold down",
    },
    "progress-not-recorded": {"ja": "未記入", "en": "not recorded"},
    "progress-not-available": {"ja": "未把握", "en": "not available"},
    "progress-count": {"ja": "{grade}（{label}）{count}件", "en": "{grade} ({label}): {count}"},
    "progress-count-none": {"ja": "評価なし（実績値なし）{count}件", "en": "not graded (no actual): {count}"},
    "progress-list-sep": {"ja": "、", "en": ", "},
    "progress-report-title": {"ja": "# {plan} 成果指標の進捗（{year}年度）", "en": "# {plan}: KPI progress, FY{year}"},
    "progress-report-none": {"ja": "{year}年度の実績値はまだ記録されていません。", "en": "No actuals are recorded for FY{year} yet."},
    "progress-report-counts": {"ja": "評価の件数: {counts}", "en": "Grades: {counts}"},
    "progress-report-header": {"ja": "施策|成果指標|現状値（年度）|目標値（年度）|{year}年度の実績値|達成率|評価", "en": "measure|KPI|baseline (FY)|target (FY)|actual FY{year}|rate|grade"},
    "report-bad-year": {"ja": "年度 {year} は計画期間（{start}〜{end}年度）の外です", "en": "FY{year} is outside the plan's period ({start}-{end})"},
    "diff-section-actuals": {"ja": "実績値と評価", "en": "Actuals and grades"},
    "diff-actual-added": {"ja": "成果指標「{kpi}」の {year}年度の実績値を追加: {new}", "en": "KPI '{kpi}': actual for FY{year} added: {new}"},
    "diff-actual-changed": {"ja": "成果指標「{kpi}」の {year}年度の実績値を変更: {old} → {new}", "en": "KPI '{kpi}': actual for FY{year} changed: {old} -> {new}"},
    "diff-actual-removed": {"ja": "成果指標「{kpi}」の {year}年度の実績値を削除（{old}）", "en": "KPI '{kpi}': actual for FY{year} removed ({old})"},
    "diff-grade-changed": {"ja": "成果指標「{kpi}」の評価: {old} → {new}", "en": "KPI '{kpi}': grade {old} -> {new}"},
    "grade-default-A": {"ja": "順調", "en": "on track"},
    "grade-default-B": {"ja": "おおむね順調", "en": "mostly on track"},
    "grade-default-C": {"ja": "遅れ", "en": "behind"},
    "grade-default-D": {"ja": "大幅な遅れ", "en": "well behind"},
    "kpi-outlier-explained": {
        "ja": "目標値 {target}{unit} が現状値 {baseline}{unit} の {factor} 倍です（理由の記載あり）",
        "en": "the target {target}{unit} is {factor} times the baseline {baseline}{unit} (reason recorded)",
    },
    "kpi-project": {
        "ja": "算出方法に挙げた「{name}」は、施策「{measure}」の事業名称（{projects}）にありません。事業名称か算出方法の名称を直すか、原案の記載なら正誤表に記録して errata: {{keikaku.kpi-project: E..}} で紐付けてください",
        "en": "the derivation names '{name}', which is not a project of '{measure}' ({projects}); fix the project or the derivation, or record the draft's wording in the errata and link it with errata: {{keikaku.kpi-project: E..}}",
    },
    "kpi-project-recorded": {
        "ja": "算出方法に挙げた「{name}」は、施策「{measure}」の事業名称（{projects}）にありません（正誤表 {errata} に記録済み）",
        "en": "the derivation names '{name}', which is not a project of '{measure}' ({projects}) (recorded in errata {errata})",
    },
    "rounding-half_up": {"ja": "四捨五入", "en": "half-up"},
    "rounding-floor": {"ja": "切り捨て", "en": "floor"},
    "rounding-ceil": {"ja": "切り上げ", "en": "ceiling"},
    "baseline": {"ja": "現状値", "en": "baseline"},
    "target": {"ja": "目標値", "en": "target"},
    "base-year": {"ja": "基準年度", "en": "base year"},
    "target-year": {"ja": "目標年度", "en": "target year"},
    # -- budgets ---------------------------------------------------------------
    "budget-years": {
        "ja": "事業費の年度が計画期間と一致しません（不足: {missing}／余分: {extra}）。{start}〜{end}年度の各年度を書いてください",
        "en": "budget years do not match the plan period (missing: {missing}; extra: {extra}); give each FY {start}-{end}",
    },
    "budget-outlier": {
        "ja": "{year}年度の事業費 {amount}{unit} が、0 でない年度の中央値 {median}{unit} の {factor} 倍を超えています。桁の誤りがないか確かめ、正しければその年度を示した理由を notes に記載してください",
        "en": "the FY{year} budget {amount} is more than {factor} times the median {median} of the non-zero years; check the digits, and if right give the reason in notes, naming the year",
    },
    "budget-outlier-noted": {
        "ja": "{year}年度の事業費 {amount}{unit} が、0 でない年度の中央値 {median}{unit} の {factor} 倍を超えています（注記あり）",
        "en": "the FY{year} budget {amount} is more than {factor} times the median {median} of the non-zero years (explained in notes)",
    },
    "budget-outlier-recorded": {
        "ja": "{year}年度の事業費 {amount}{unit} が、0 でない年度の中央値 {median}{unit} の {factor} 倍を超えています（正誤表 {errata} に記録済み）",
        "en": "the FY{year} budget {amount} is more than {factor} times the median {median} of the non-zero years (recorded in errata {errata})",
    },
    "budget-zero-note": {
        "ja": "{year}年度の事業費が 0 です。金額を記入するか、「{year}年度」のように年度を書いた理由を notes に記載してください",
        "en": "the budget for FY{year} is 0; enter the amount, or explain it in notes naming the year (e.g. '{year}年度')",
    },
    "budget-sum": {
        "ja": "{year}年度の事業費の内訳の合計 {computed} 千円が事業費 {stated} 千円と一致しません",
        "en": "the FY{year} breakdown sums to {computed} but the budget says {stated} (thousand yen)",
    },
    "land-area-total": {
        "ja": "面積の圏域合計 {stated} が市町の合計 {computed} と一致しません",
        "en": "the land area total {stated} differs from the municipalities' sum {computed}",
    },
    "land-area-share": {
        "ja": "{where}の構成比 {stated}% が再計算した {computed}% と一致しません",
        "en": "the share of {where} is stated {stated}% but recomputes to {computed}%",
    },
    # -- placeholders, budget notes naming their years, files left unchecked -------
    "placeholder-text": {
        "ja": "未記入: 「{text}」は keikaku new が書いた仮の文言です。内容を記入してください",
        "en": "not filled in: '{text}' is a placeholder written by keikaku new; write the text",
    },
    "placeholder-structure": {
        "ja": "未記入: 「{text}」は keikaku init が書いた仮の文言です。計画の体系（政策分野・施策展開の基本的方向・協定の内容）を原資料から転記してください",
        "en": "not filled in: '{text}' is a placeholder written by keikaku init; transcribe the plan's structure (fields, directions, agreement content) from the source",
    },
    "placeholder-kpi-values": {
        "ja": "未記入: 成果指標「{name}」の現状値と目標値が keikaku new が書いた 0 → 0 のままです。値を記入してください",
        "en": "not filled in: the KPI '{name}' still has the baseline and target 0 -> 0 written by keikaku new",
    },
    "code-placeholder": {
        "ja": "keikaku new が書いた仮の文言・値（「未記入」）が残っていないこと（作成中は警告、--strict と公開用のビルドではエラー）",
        "en": "no placeholder written by keikaku new is left (a warning; an error under --strict and in the publishing build)",
    },
    "budget-zero-note-year": {
        "ja": "{year}年度の事業費が 0 ですが、notes の注記はこの年度に触れていません（注記にある年度: {named}）。「{year}年度」「{era}」「{year}年度以降」のように年度を書いて理由を記載してください",
        "en": "the budget for FY{year} is 0 but no note names that year (years the notes name: {named}); name the year in the note that explains it",
    },
    "summary-unchecked": {
        "ja": "。うち {count} ファイルは読み込めないかスキーマに合わないため、その内容とそれへの参照は検査していません",
        "en": "; {count} of them could not be read or validated, so their content and the references to them were not checked",
    },
    # -- population ------------------------------------------------------------
    "population-sum": {
        "ja": "{table}の{where} {year}年: 年齢３区分の合計 {computed} と記載の合計 {stated} が一致しません",
        "en": "{table}, {where} {year}: the age groups sum to {computed} but the total says {stated}",
    },
    "population-sphere": {
        "ja": "{table}の圏域合計 {year}年 {group}: 市町の合計 {computed} と記載値 {stated} が一致しません",
        "en": "{table}, sphere {year} {group}: the municipalities sum to {computed} but the table says {stated}",
    },
    "population-rate": {
        "ja": "{table}の{where}の{rate}（{group}）: 再計算すると {computed}% ですが、記載値は {stated}% です",
        "en": "{table}, {where} {rate} ({group}): recomputed {computed}% but stated {stated}%",
    },
    "census-year": {
        "ja": "表「{table}」は国勢調査の年（{years}）を年度で表示しています。国勢調査は暦年の調査なので「年」で表示するか、原案の記載なら正誤表に記録して errata: {{keikaku.census-year: E..}} で紐付けてください",
        "en": "the table '{table}' labels the census years ({years}) as fiscal years (年度); a census is taken in a calendar year: label them 年, or record the draft's label in the errata and link it with errata: {{keikaku.census-year: E..}}",
    },
    "census-year-recorded": {
        "ja": "表「{table}」は国勢調査の年（{years}）を年度で表示しています（正誤表 {errata} に記録済み）",
        "en": "the table '{table}' labels the census years ({years}) as fiscal years (年度) (recorded in errata {errata})",
    },
    "population-target": {
        "ja": "{year}年の目標 {name} {stated}{unit}程度 が推計値 {computed}{unit} から許容差 {tolerance}{unit} を超えて離れています",
        "en": "the {year} target {name} of about {stated}{unit} is further than {tolerance}{unit} from the table's {computed}{unit}",
    },
    "population-target-recorded": {
        "ja": "{year}年の目標 {name} {stated}{unit}程度 は推計値 {computed}{unit} から許容差 {tolerance}{unit} を超えて離れています（正誤表 {errata} に記録済み）",
        "en": "the {year} target {name} of about {stated}{unit} is further than {tolerance}{unit} from the table's {computed}{unit} (recorded in errata {errata})",
    },
    "population-years": {
        "ja": "{table}の{where}の年が他の行と異なります（{years}）",
        "en": "{table}, {where}: years differ from the other rows ({years})",
    },
    "rate-change_rate": {"ja": "増減率（R2比）", "en": "change rate"},
    "rate-share": {"ja": "人口比率", "en": "share"},
    "rate-aging_rate": {"ja": "高齢化率", "en": "aging rate"},
    "target-population": {"ja": "人口", "en": "population"},
    "target-aging_rate": {"ja": "高齢化率", "en": "aging rate"},
    # -- comments, opinions and the comparison -----------------------------------
    "comment-count": {
        "ja": "{kind}の{field}の件数が、記載では {stated} 件ですが、データの紐付けから数えると {computed} 件です",
        "en": "{kind} for {field}: stated {stated}, but the links count {computed}",
    },
    "comment-total": {
        "ja": "{kind}の件数が、記載では {stated} 件ですが、データには {computed} 件あります",
        "en": "{kind}: stated {stated} in all, but the data holds {computed}",
    },
    "comment-item": {
        "ja": "{kind} {number} の項目「{item}」が、紐付けた施策の名称「{name}」と異なります。紐付けを確かめ、原案の表記なら正誤表に記録して errata: {{keikaku.comment-item: E..}} で紐付けてください",
        "en": "{kind} {number}: the item '{item}' differs from the linked measure's name '{name}'; check the link, and if the draft prints it so, record it in the errata and link it with errata: {{keikaku.comment-item: E..}}",
    },
    "comment-item-former": {
        "ja": "{kind} {number} の項目「{item}」が、紐付けた施策の名称「{name}」と異なります（比較表に記録した以前の名称）",
        "en": "{kind} {number}: the item '{item}' differs from the linked measure's name '{name}' (a former name recorded in the comparison)",
    },
    "comment-item-recorded": {
        "ja": "{kind} {number} の項目「{item}」が、紐付けた施策の名称「{name}」と異なります（原文のまま記録、正誤表 {errata}）",
        "en": "{kind} {number}: the item '{item}' differs from the linked measure's name '{name}' (kept as printed, errata {errata})",
    },
    "field-name": {
        "ja": "{where}で政策分野として「{printed}」と書かれていますが、この名称の政策分野はありません{hint}。原案の記載なら正誤表に記録して errata: {{keikaku.field-name: E..}} で紐付けてください",
        "en": "{where} names '{printed}' as a policy field, but there is no such field{hint}; if the draft prints it so, record it in the errata and link it with errata: {{keikaku.field-name: E..}}",
    },
    "field-name-recorded": {
        "ja": "{where}で政策分野として「{printed}」と書かれていますが、この名称の政策分野はありません{hint}（正誤表 {errata} に記録済み）",
        "en": "{where} names '{printed}' as a policy field, but there is no such field{hint} (recorded in errata {errata})",
    },
    "field-name-hint": {"ja": "。政策分野の名称は", "en": "; the field is called "},
    "field-is-direction": {"ja": "（施策展開の基本的方向の名称です）", "en": " (it is the name of a direction)"},
    "where-body": {"ja": "本文", "en": "the body"},
    "where-agreement": {"ja": "協定の内容", "en": "the agreement of "},
    "role-cost": {
        "ja": "役割分担は両方の市町がそれぞれ費用を負担するとしていますが、{name}の事業名称がなく、共通の事業名称もありません。事業名称を補うか役割分担を直すか、原案の記載なら正誤表に記録して errata: {{keikaku.role-cost: E..}} で紐付けてください",
        "en": "the roles have every municipality bear a cost, but {name} lists no project and there is no common one; add the project or fix the roles, or record the draft in the errata and link it with errata: {{keikaku.role-cost: E..}}",
    },
    "role-cost-recorded": {
        "ja": "役割分担は両方の市町がそれぞれ費用を負担するとしていますが、{name}の事業名称がなく、共通の事業名称もありません（正誤表 {errata} に記録済み）",
        "en": "the roles have every municipality bear a cost, but {name} lists no project and there is no common one (recorded in errata {errata})",
    },
    "comment-numbering": {
        "ja": "{kind}の番号が 1 から {count} までの連番になっていません（{numbers}）",
        "en": "{kind} numbers are not 1..{count} ({numbers})",
    },
    "comparison-rename": {
        "ja": "第２次ビジョンの「{old}」が第３次で「{new}」に名称変更されていますが、比較表で変更として記載されていません。change を changed にして加除、変更内容に理由を書いてください",
        "en": "the 2nd vision's '{old}' is renamed '{new}' but the comparison does not list it as changed",
    },
    "comparison-printed": {
        "ja": "比較表の第３次ビジョンの{what}「{printed}」がデータの「{expected}」と一致しません",
        "en": "the comparison's printed {what} '{printed}' differs from the data's '{expected}'",
    },
    "comparison-missing": {
        "ja": "施策「{name}」が比較表にありません",
        "en": "the measure '{name}' is missing from the comparison",
    },
    "comparison-mark": {
        "ja": "比較表の印「{mark}」に対応する{what}がありません",
        "en": "the mark '{mark}' has no matching {what}",
    },
    "kind-public_comments": {"ja": "パブリックコメント", "en": "public comments"},
    "kind-council_opinions": {"ja": "懇談会委員意見", "en": "council opinions"},
    "code-comment-count": {"ja": "意見の件数（総数・政策分野別）の記載が、意見のデータと紐付けから数えた件数と一致すること。意見の番号が連番であること", "en": "stated comment counts equal the counts from the data"},
    "code-comment-item": {"ja": "意見の項目名が紐付けた施策の名称と異なる場合に知らせること（警告。原案の表記として正誤表に紐付けたものは記録済み）", "en": "a comment item that differs from its measure's name is reported (warning; acknowledged when linked to an erratum)"},
    "code-field-name": {"ja": "本文・協定の内容・意見（項目・概要・考え方）で「…に係る政策分野」「政策分野が「…」」と書かれた名称や、政策分野に紐付けた意見の項目名が、政策分野（または連携する事項）の名称であること", "en": "a policy field named in a text is one of the plan's fields or areas"},
    "code-role-cost": {"ja": "役割分担で両方の市町がそれぞれ費用を負担するとした施策に、各市町の事業名称か共通の事業名称があること", "en": "when the roles have every municipality pay, each lists a project (or there is a common one)"},
    "code-comparison": {"ja": "比較表で、名称が変わった施策が変更として記載され、この計画の番号・名称がデータと一致し、すべての施策が載り、印と理由が対応すること", "en": "the comparison lists renames, matches the data and every mark has its reason"},
    # -- quotes and the archived source ------------------------------------
    "quote-missing": {
        "ja": "{what}「{quote}」が原文（{archive}）にありません。最も近いのは {line}行目で、原文「{printed}」が引用では「{quoted}」となっています。原文どおりに直してください",
        "en": "{what} '{quote}' does not occur in the source ({archive}); the closest passage, line {line}, reads '{printed}' where the quote has '{quoted}'; quote the source as printed",
    },
    "quote-missing-nothing-near": {
        "ja": "{what}「{quote}」が原文（{archive}）にありません（似た箇所も見つかりません）。原文どおりに直してください",
        "en": "{what} '{quote}' does not occur in the source ({archive}), nor anything like it; quote the source as printed",
    },
    "quote-not-at-line": {
        "ja": "{what}「{quote}」は原文（{archive}）の {line}行目にありません（{found}行目にあります）。line を直してください",
        "en": "{what} '{quote}' is not on line {line} of the source ({archive}) but on line {found}; fix 'line'",
    },
    "quote-what-errata": {"ja": "正誤表 {id} の原案の記載（{where}）", "en": "the printed text of erratum {id} ({where})"},
    "quote-what-printed": {"ja": "カードに印刷された{label}", "en": "the {label} printed on the card"},
    "quote-what-comment": {"ja": "{kind} {number} の{field}", "en": "{field} of {kind} {number}"},
    "quote-what-previous": {"ja": "比較表の第２次ビジョンの施策名（{number}）", "en": "the 2nd vision's name in the comparison ({number})"},
    "quote-what-current": {"ja": "比較表の第３次ビジョンの施策名（{number}）", "en": "the 3rd vision's name in the comparison ({number})"},
    "quote-what-reason": {"ja": "比較表の{mark}の理由", "en": "the reason of {mark} in the comparison"},
    "comment-public_comments-item": {"ja": "項目", "en": "item"},
    "comment-public_comments-summary": {"ja": "ご意見の概要", "en": "summary"},
    "comment-public_comments-response": {"ja": "ご意見に対する考え方", "en": "response"},
    "comment-council_opinions-item": {"ja": "項目", "en": "item"},
    "comment-council_opinions-opinion": {"ja": "意見等内容", "en": "opinion"},
    "comment-council_opinions-response": {"ja": "意見に対する考え方", "en": "response"},
    "archive-unreadable": {
        "ja": "原文の記録 {file} を読めません（{reason}）。引用を照合できません",
        "en": "cannot read the archived source {file} ({reason}); quotes are not checked",
    },
    "archive-changed": {
        "ja": "原文の記録 {file} が出所の記録の SHA-256 と一致しません（記録 {expected}…、実際 {actual}…）。原文の記録は編集せず、合わない引用の方を直してください",
        "en": "the archived source {file} is not the one its provenance records (SHA-256 {expected}…, found {actual}…); never edit the archive, fix the quote instead",
    },
    "code-quote": {"ja": "原案の記載として引用した文言（正誤表の原案の記載、カードに印刷された名称、意見とその考え方、比較表の施策名と理由）が、原文の記録に改行と空白の違いを除いてそのままあること", "en": "every quote occurs verbatim in the archived source (line wraps and spacing aside)"},
    "code-archive": {"ja": "原文の記録（docs/source/）が出所の記録（provenance.yaml）の SHA-256 のとおりで、編集されていないこと", "en": "the archived source is the one its provenance records"},
    # -- prose and roles -------------------------------------------------------
    "value-path": {
        "ja": "データの参照「{path}」が見つかりません{hint}",
        "en": "the data reference '{path}' does not exist{hint}",
    },
    "era-mismatch": {
        "ja": "和暦と西暦が一致しません: 「{text}」（{era}{era_year}年は {expected}年）",
        "en": "era and Western year disagree: '{text}' ({era} {era_year} is {expected})",
    },
    "weekday-mismatch": {
        "ja": "日付と曜日が一致しません: 「{text}」（{date} は {expected}曜日）",
        "en": "date and weekday disagree: '{text}' ({date} is a {expected_en})",
    },
    "raw-html": {
        "ja": "生の HTML「{what}」は使えません（そのまま公開ページに載り、スクリプトなども動いてしまうため）。Markdown で書いてください。どうしても必要な場合は、このファイルのフロントマターに allow_raw_html: true と書き、内容を確認したうえで許可してください",
        "en": "raw HTML ('{what}') is not allowed (it would be published as it is, scripts included); write it as Markdown, or, if it is really needed, review it and allow it with 'allow_raw_html: true' in this file's front matter",
    },
    "raw-directive": {
        "ja": "ディレクティブ「{{{what}}}」は使えません（中身が生の HTML などとしてそのまま公開ページに載るため）。Markdown で書いてください。どうしても必要な場合は、このファイルのフロントマターに allow_raw_html: true と書き、内容を確認したうえで許可してください",
        "en": "the directive '{{{what}}}' is not allowed (its content would be published unescaped); write it as Markdown, or, if it is really needed, review it and allow it with 'allow_raw_html: true' in this file's front matter",
    },
    "more-raw-html": {
        "ja": "（同じファイルにほか {count} 件の生の HTML）",
        "en": "({count} more pieces of raw HTML in this file)",
    },
    "sphinx-page-unread": {
        "ja": "このページのファイルは検査エラー（{file}）のため表示できません。keikaku check で確認してください",
        "en": "this page's file ({file}) could not be read; see keikaku check",
    },
    "sphinx-raw-dropped": {
        "ja": "許可のない生の HTML（{what}）を公開ページから除きました。keikaku check の指摘に従って直してください",
        "en": "removed raw HTML ('{what}') that its file does not allow from the page; fix it as keikaku check says",
    },
    # -- errata ----------------------------------------------------------------
    "unknown-reference": {
        "ja": "{where}が参照している{kind}「{id}」がありません。ID を確かめてください（施策は measures/ のファイル名、方向・分野・事項は docs/data/structure.yaml）",
        "en": "{where} refers to the unknown {kind} '{id}'; check the id (measures: file names in measures/; directions, fields, areas: docs/data/structure.yaml)",
    },
    "ref-measure": {"ja": "施策", "en": "measure"},
    "ref-direction": {"ja": "施策展開の基本的方向", "en": "direction"},
    "ref-field": {"ja": "政策分野", "en": "policy field"},
    "ref-area": {"ja": "連携する事項", "en": "area"},
    "errata-unknown-id": {
        "ja": "{code} の紐付け先の正誤表「{id}」が docs/data/errata.yaml にありません",
        "en": "the errata entry '{id}' linked for {code} is not in docs/data/errata.yaml",
    },
    "where-comparison": {"ja": "比較表の行", "en": "a comparison row"},
    "plan-unreadable": {
        "ja": "{path} の計画に {count} 件のエラーがあり読み込めません。先に keikaku check で直してください",
        "en": "the plan at {path} has {count} errors and cannot be loaded; fix them first (keikaku check)",
    },
    "errata-unknown-measure": {
        "ja": "正誤表の項目が存在しない施策「{id}」を参照しています",
        "en": "an errata entry refers to the unknown measure '{id}'",
    },
    # -- keikaku diff ------------------------------------------------------------
    "diff-title": {"ja": "変更点: {base} → {head}", "en": "changes: {base} -> {head}"},
    "diff-working-tree": {"ja": "作業中のファイル", "en": "the working tree"},
    "diff-none": {"ja": "計画の内容に変更はありません", "en": "the plan has not changed"},
    "diff-section-measures": {"ja": "施策の追加・削除・名称や番号の変更", "en": "measures added, removed, renamed or renumbered"},
    "diff-section-budget": {"ja": "事業費（千円）", "en": "budgets (thousand yen)"},
    "diff-section-kpi": {"ja": "成果指標", "en": "KPIs"},
    "diff-section-text": {"ja": "文章と事業名称", "en": "text and projects"},
    "diff-section-citations": {"ja": "変更された値を引用している箇所", "en": "places that cite a changed value"},
    "diff-measure-added": {"ja": "追加（事業費 {years}年間計 {budget} 千円）", "en": "added (budget total {budget})"},
    "diff-measure-removed": {"ja": "削除（事業費 {years}年間計 {budget} 千円）", "en": "removed (budget total {budget})"},
    "diff-renamed": {"ja": "名称変更「{old}」→「{new}」", "en": "renamed '{old}' -> '{new}'"},
    "diff-renumbered": {"ja": "番号変更 {old} → {new}", "en": "renumbered {old} -> {new}"},
    "diff-moved": {"ja": "施策展開の基本的方向の変更「{old}」→「{new}」", "en": "moved from '{old}' to '{new}'"},
    "diff-budget": {"ja": "{year}年度 {old} → {new}（{difference}）", "en": "FY{year} {old} -> {new} ({difference})"},
    "diff-budget-total": {"ja": "計画全体 {year}: {old} → {new}（{difference}）", "en": "whole plan {year}: {old} -> {new} ({difference})"},
    "diff-total-all": {"ja": "{years}年間合計", "en": "{years}-year total"},
    "diff-kpi-added": {"ja": "成果指標の追加「{kpi}」", "en": "KPI added '{kpi}'"},
    "diff-kpi-removed": {"ja": "成果指標の削除「{kpi}」", "en": "KPI removed '{kpi}'"},
    "diff-kpi-changed": {"ja": "成果指標「{kpi}」: {parts}", "en": "KPI '{kpi}': {parts}"},
    "diff-kpi-name": {"ja": "名称", "en": "name"},
    "diff-kpi-unit": {"ja": "単位", "en": "unit"},
    "diff-kpi-baseline": {"ja": "現状値", "en": "baseline"},
    "diff-kpi-target": {"ja": "目標値", "en": "target"},
    "diff-text": {"ja": "{part}: {marked}", "en": "{part}: {marked}"},
    "diff-projects": {"ja": "事業名称の変更", "en": "projects changed"},
    "diff-bound": {"ja": "データから自動で更新", "en": "updates itself from data"},
    "diff-typed": {"ja": "手入力の数値の可能性（要再確認）", "en": "possibly typed by hand (review)"},
    "diff-no-base": {"ja": "比較の基準にする版がありません（{detail}）。keikaku diff 基準の版 のように指定するか、published/ で始まるタグを付けてください", "en": "no base revision ({detail}); name one, or tag a revision published/..."},
    "diff-unreadable": {"ja": "{revision} の計画を読めません（{count} 件のエラー）。その版で keikaku check を実行してください", "en": "the plan at {revision} has {count} errors; run keikaku check on it"},
    # -- the rule catalogue (docs/checks.md) ---------------------------------------
    "code-read": {"ja": "ファイルが読めること（UTF-8 のテキスト。BOM と CRLF は可。ファイルごとに {max_bytes} バイトまで）", "en": "files are readable UTF-8 text of at most {max_bytes} bytes"},
    "code-yaml": {"ja": "YAML として正しく書かれていること（アンカー・エイリアスは使わない。入れ子は {yaml_depth} 段まで、項目はファイルごとに {max_values} 個まで）", "en": "the YAML parses, without anchors or aliases, at most {yaml_depth} levels deep and {max_values} keys and values per file"},
    "code-front-matter": {"ja": "施策ファイルが「---」で囲まれたフロントマターで始まること", "en": "a measure file starts with front matter"},
    "code-schema": {"ja": "データが schemas/ の JSON Schema に合うこと（型、必須項目、単位の一覧、全角数字や文字列の数値の指摘）", "en": "data matches its JSON Schema"},
    "code-body": {"ja": "本文に取組内容・事業効果・役割分担の見出しがこの順にあること", "en": "the body has the three headings in order"},
    "code-id": {"ja": "ID が重複せず、ファイル名と一致すること", "en": "ids are unique and match file names"},
    "code-numbering": {"ja": "表示番号が最初の施策から施策の数まで、重複も抜けもない連番であること", "en": "display numbers are 1..N without gaps"},
    "code-reference": {"ja": "施策→施策展開の基本的方向→政策分野→連携する事項、正誤表→施策、協定の内容→市町の参照がすべて存在すること", "en": "every reference resolves"},
    "code-printed": {"ja": "手で入力された名称（カードに印刷された施策名・政策分野・政策の内容）がデータと一致すること", "en": "names typed again equal the data"},
    "code-kpi-year": {"ja": "成果指標の現状値の年度が目標値の年度より前で、目標値の年度が計画期間の終わりを超えないこと（年度を省略した値は計画の基準年度・目標年度）", "en": "a KPI's baseline year is before its target year, which is not after the plan period (omitted years are the plan's base and target years)"},
    "code-kpi-unit": {"ja": "成果指標の単位が計画で使える単位（plan.yaml の kpi_units、省略時は既定の一覧）にあること", "en": "a KPI's unit is one of the plan's units (kpi_units, or the default list)"},
    "code-unknown-municipality": {"ja": "事業名称の区分（projects のキー）が計画の市町村の ID か common であること", "en": "project groups are the plan's municipality ids or common"},
    "code-budget-undecided": {"ja": "事業費が未定（null）の年度について、その年度を示した注記があること（未定の年度は合計から除く）", "en": "a budget year left undecided (null) has a note naming the year (totals leave it out)"},
    "code-kpi-derivation": {"ja": "算出方法（分子÷分母）を宣言した端数処理で計算した値が記載値と一致すること", "en": "a KPI derivation gives the stated value under its rounding"},
    "code-kpi-unchanged": {"ja": "目標値が現状値と同じ場合に、現状維持を目標とする理由が記載されていること（警告）", "en": "a target equal to its baseline has a reason (warning)"},
    "code-kpi-outlier": {"ja": "目標値が現状値の {kpi_outlier} 倍を超える場合に知らせること（警告。理由を記載すれば記録済み）", "en": "a target over {kpi_outlier} times its baseline is reported (warning)"},
    "code-actual-year": {"ja": "実績値の年度が、成果指標の現状値の年度から計画の最終年度までの間にあること", "en": "an actual's fiscal year lies between the KPI's baseline year and the plan's last year"},
    "code-actual-note": {"ja": "実績値を null（未把握）とした年度に、その理由の注記（note）があること", "en": "an actual left null (not available) has a note"},
    "code-actual-missing": {"ja": "plan.yaml の as_of（実績値の時点）までに終わった年度の実績値が記入されていること（警告）", "en": "every fiscal year ended by the plan's as_of date has an actual (warning)"},
    "code-actual-derivation": {"ja": "算出方法をもつ成果指標の実績値の分子・分母が、宣言した端数処理で記載値になること", "en": "a derivation KPI's actual parts give its value under the declared rounding"},
    "code-grading": {"ja": "plan.yaml の評価区分（grading）が、基準の高い順に並び、最後の区分だけが基準をもたないこと", "en": "the grading table goes from the highest threshold down and only its last grade has none"},
    "code-kpi-project": {"ja": "算出方法の分子・分母や出典に挙げた「…事業」が、その施策の事業名称（【共通】と各市町村の欄）か施策名であること", "en": "a project a KPI derivation names is on the card"},
    "code-kpi-target": {"ja": "目標値が現状値より {kpi_worse}% を超えて悪化する場合に理由が記載されていること（理由があれば警告）", "en": "a target more than {kpi_worse}% worse than its baseline has a reason"},
    "code-budget-years": {"ja": "事業費が計画期間のすべての年度について、過不足なく記載されていること", "en": "budgets cover exactly the plan's fiscal years"},
    "code-budget-zero": {"ja": "事業費が 0 の年度について、その年度を西暦か和暦で示した注記（「…年度以降」「令和…年度」「…〜…年度」など）があること", "en": "a zero budget year has a note that names the year"},
    "code-budget-outlier": {"ja": "ある年度の事業費が、その施策の（0 でない年度の）中央値の {budget_outlier} 倍を超える場合に知らせること（警告。その年度を示した注記か正誤表があれば記録済み）", "en": "a budget year over {budget_outlier} times the median of the measure's non-zero years is reported (warning)"},
    "code-budget-sum": {"ja": "事業費の内訳（市町別・事業別）を記載した場合、その合計が各年度の事業費と一致すること", "en": "a budget breakdown sums to the budget"},
    "code-land-area": {"ja": "面積の表の圏域合計と構成比が市町の面積から再計算した値と一致すること", "en": "the land area table adds up"},
    "code-population-sum": {"ja": "人口の表で年齢区分の和が合計に、市町の和が圏域合計に一致すること", "en": "population groups and municipalities add up"},
    "code-population-rate": {"ja": "記載の増減率・人口比率・高齢化率が、表の端数処理で再計算した値と一致すること", "en": "stated population rates equal the recomputed ones"},
    "code-census-year": {"ja": "国勢調査の年（census_years）を表の見出しで年度と表示していないこと", "en": "census years are not labelled as fiscal years"},
    "code-population-target": {"ja": "「程度」で示した人口・高齢化率の目標が、宣言した許容差の範囲で表と一致すること", "en": "population targets lie within their tolerance of the table"},
    "code-value-path": {"ja": "本文中のデータ参照 {{value}} が存在するデータを指すこと", "en": "{{value}} references resolve"},
    "code-raw-html": {"ja": "施策の本文とページに生の HTML や raw・eval-rst・role ディレクティブがないこと（HTML のコメントは可。ファイルのフロントマターに allow_raw_html: true があれば許可）", "en": "no raw HTML or raw / eval-rst / role directive in measure bodies and pages unless the file has allow_raw_html: true"},
    "code-era": {"ja": "和暦と西暦の組（2024年度（令和６年度）など）が一致すること", "en": "era and Western years agree"},
    "code-weekday": {"ja": "日付と曜日（令和６年３月21日（木）など）が一致すること", "en": "dates and weekdays agree"},
    # -- numbers (keikaku.audit, rules/numbers.py) --------------------------------
    "fact-constant": {
        "ja": "外部の事実「{name}」の constant「{constant}」が見つかりません（ファイルとそのモジュールの定数名、または len(定数名) を書いてください）",
        "en": "the constant '{constant}' of the fact '{name}' is not found (write FILE:NAME or FILE:len(NAME) of a module-level constant)",
    },
    "number-unclassified": {
        "ja": "数値「{number}」はデータからの表示（{{value}}）でも、データとの照合でも、原文の引用でも、出典付きの外部の事実（docs/data/facts.yaml）でもありません。データから表示するか、照合できる形で書くか、外部の事実として出典とともに宣言してください",
        "en": "the number '{number}' is not rendered from data ({{value}}), checked against data, quoted from the source, or an external fact with its source (docs/data/facts.yaml); bind it, write it beside what it can be checked against, or declare it as a fact",
    },
    "derivation-source": {
        "ja": "算出方法の出典の記載「{number}」が算出方法と一致しません（{against}）。出典の記載か算出方法の値を直してください",
        "en": "the derivation's cited text '{number}' disagrees with the derivation ({against}); fix the citation or the derivation",
    },
    "derivation-restated": {
        "ja": "算出方法を述べた回答の数値「{number}」が算出方法と一致しません（{against}）。回答の転記か算出方法の値を確認してください",
        "en": "the answer restating the derivation says '{number}', which disagrees with it ({against}); check the transcription or the derivation",
    },
    "code-fact-constant": {"ja": "道具自身を説明する外部の事実（facts.yaml の constant）が、コードの定数から値を取れること", "en": "a fact of the tool itself (constant in facts.yaml) takes its value from a constant of the code"},
    "code-number-unclassified": {"ja": "本文・ページ・データの文章中のすべての数値が、データからの表示・データとの照合・原文の引用・出典付きの外部の事実のいずれかであること（警告。--strict ではエラー）", "en": "every number in the text is bound, checked, quoted or an external fact (warning; an error under --strict)"},
    "code-derivation-source": {"ja": "算出方法の出典（source）に書かれた「分子の合計/分母の合計≒記載値」の数値が、算出方法の分子・分母の合計と記載値に一致すること", "en": "the figures quoted in a derivation's source equal its totals and value"},
    "code-derivation-restated": {"ja": "算出方法を述べた意見への回答（restates を宣言した回答）の「分子/分母」の数値が、算出方法の各項目・合計・記載値と一致すること", "en": "an answer that restates a derivation (restates) gives its parts, totals and value"},
    "audit-line": {"ja": "{location}: {number}  {cls}  {against}", "en": "{location}: {number}  {cls}  {against}"},
    "audit-counts": {
        "ja": "数値 {total} 件: データから表示 {bound}、照合済み {checked}、引用 {quoted}、外部の事実 {external}、未分類 {unclassified}",
        "en": "{total} numbers: bound {bound}, checked {checked}, quoted {quoted}, external {external}, unclassified {unclassified}",
    },
    "class-bound": {"ja": "データから表示", "en": "bound"},
    "class-checked": {"ja": "照合済み", "en": "checked"},
    "class-quoted": {"ja": "引用", "en": "quoted"},
    "class-external": {"ja": "外部の事実", "en": "external"},
    "class-unclassified": {"ja": "未分類", "en": "unclassified"},
    "class-bound-about": {"ja": "{{value}} でデータから表示する数値", "en": "rendered from data with {{value}}"},
    "class-checked-about": {"ja": "データの値（成果指標・算出方法・事業費・人口・件数・番号・和暦と西暦など）と照合する数値", "en": "compared with a known quantity (KPI, derivation, budget, population, count, number, era)"},
    "class-quoted-about": {"ja": "原文のとおりに転記した引用の中の数値（原文との照合の対象）", "en": "in a quote of the printed source (verified against it)"},
    "class-external-about": {"ja": "docs/data/facts.yaml に出典とともに宣言した外部の事実", "en": "a fact declared with its source in docs/data/facts.yaml"},
    "class-unclassified-about": {"ja": "上のいずれでもない数値（警告）", "en": "none of the above (warning)"},
    "audit-table-class": {"ja": "分類", "en": "class"},
    "audit-table-count": {"ja": "件数", "en": "count"},
    "audit-table-about": {"ja": "内容", "en": "what"},
    # -- wording (a lint of the prose; warnings, errors under --strict) -------------
    "wording-glossary": {
        "ja": "「{found}」は用語集（docs/data/glossary.yaml）で「{expected}」と書く語です{note}。「{expected}」に直してください{recorded}",
        "en": "'{found}' is written '{expected}' in the glossary (docs/data/glossary.yaml); write '{expected}'{recorded}",
    },
    "wording-variant": {
        "ja": "「{found}」と「{preferred}」は同じ語の表記揺れです（計画内で「{preferred}」{count} 回、「{found}」{found_count} 回）。「{preferred}」にそろえてください{recorded}",
        "en": "'{found}' and '{preferred}' are one word written two ways ({count} times '{preferred}', {found_count} times '{found}'); write '{preferred}'{recorded}",
    },
    "wording-gloss": {
        "ja": "「{head}（{found}）」の呼称が、{where} では「{head}（{other}）」と書かれています（同じ呼称の表記揺れ）。どちらかにそろえてください{recorded}",
        "en": "'{head} ({found})' is called '{head} ({other})' in {where} (one title written two ways); write one of them{recorded}",
    },
    "proper-noun": {
        "ja": "「{found}」は{label}「{name}」の書き誤りではありませんか。「{name}」と書いてください{recorded}",
        "en": "'{found}' looks like a slip for the {label} '{name}'; write '{name}'{recorded}",
    },
    "sphere-wording": {
        "ja": "圏域は{names}からなるため、「{found}」ではなく「{expected}」と書いてください{recorded}",
        "en": "the sphere is {names}: write '{expected}', not '{found}'{recorded}",
    },
    "width": {
        "ja": "「{found}」と「{preferred}」のように同じ語が全角と半角で書かれています。計画内で多い「{preferred}」にそろえてください{recorded}",
        "en": "'{found}' is also written '{preferred}' (full and half width); write '{preferred}' as the plan mostly does{recorded}",
    },
    "spacing": {
        "ja": "日本語の文字の間に半角の空白があります（「{found}」）。空白を削除して「{fixed}」としてください{recorded}",
        "en": "an ASCII space between Japanese characters ('{found}'); remove it: '{fixed}'{recorded}",
    },
    "sentence-end": {
        "ja": "文が「。」で終わっていません（「…{found}」）。末尾に「。」を付けてください{recorded}",
        "en": "the sentence does not end with 。 ('...{found}'); add 。{recorded}",
    },
    "wording-recorded": {"ja": "（正誤表 {errata} に記録済み）", "en": " (recorded in errata {errata})"},
    "noun-area": {"ja": "連携する事項", "en": "area"},
    "noun-field": {"ja": "政策分野", "en": "policy field"},
    "noun-direction": {"ja": "施策展開の基本的方向", "en": "direction"},
    "noun-measure": {"ja": "施策名", "en": "measure"},
    "noun-municipality": {"ja": "市町名", "en": "municipality"},
    "code-wording-variant": {"ja": "同じ語を同じ表記で書くこと: 用語集（docs/data/glossary.yaml）の表記と、SudachiPy の正規化形が同じ名詞の表記揺れ（子ども/こども など）（警告、--strict ではエラー）", "en": "one word, one spelling: the glossary and nouns SudachiPy normalizes alike (warning; error under --strict)"},
    "code-proper-noun": {"ja": "計画自身の固有名詞（市町名、連携する事項・政策分野・施策展開の基本的方向・施策の名称）の書き誤り（町を村とした市町村名、名称の途中に「の」を挟んだもの、かなの書き誤り など）がないこと（警告、--strict ではエラー）", "en": "no near-miss of the plan's own names (warning; error under --strict)"},
    "code-sphere-wording": {"ja": "圏域を指す「圏域市町」「両市町」などが、計画データの市町の種類（村を含まなければ「市町村」としない）と合うこと（警告、--strict ではエラー）", "en": "sphere words match the kinds of its municipalities (warning; error under --strict)"},
    "code-width": {"ja": "同じ英字の語を全角と半角で書き分けないこと（ＤＸ/DX）（警告、--strict ではエラー）", "en": "one term, one width (warning; error under --strict)"},
    "code-spacing": {"ja": "日本語の文字の間に半角の空白がないこと（警告、--strict ではエラー）", "en": "no ASCII space between Japanese characters (warning; error under --strict)"},
    "code-sentence-end": {"ja": "取組内容・事業効果・役割分担・協定の内容の文が「。」で終わること（警告、--strict ではエラー）", "en": "sentences of the cards and the agreement end with 。 (warning; error under --strict)"},
    # -- report ----------------------------------------------------------------
    "summary-clean": {
        "ja": "問題は見つかりませんでした（{files} ファイルを検査）",
        "en": "no problems found ({files} files checked)",
    },
    "summary-problems": {
        "ja": "{errors} 件のエラー、{warnings} 件の警告（{files} ファイルを検査）",
        "en": "{errors} errors, {warnings} warnings ({files} files checked)",
    },
    "severity-error": {"ja": "エラー", "en": "error"},
    "severity-warning": {"ja": "警告", "en": "warning"},
    "no-plan": {
        "ja": "{path} に計画が見つかりません（docs/data/plan.yaml がありません）。計画のリポジトリのフォルダを指定してください",
        "en": "no plan at {path} (docs/data/plan.yaml is missing); give the plan repository's folder",
    },
    "sphinx-no-plan": {
        "ja": "{root} の計画を読み込めません（{count} 件のエラー）。keikaku check で確認するか、conf.py の keikaku_root を確かめてください",
        "en": "cannot load the plan at {root} ({count} errors); run keikaku check, or check keikaku_root in conf.py",
    },
    "cli-usage": {
        "ja": "使い方が正しくありません: {detail}",
        "en": "usage error: {detail}",
    },
    "cli-internal": {
        "ja": "内部エラーが起きました（{detail}）。この表示を開発者に伝えてください",
        "en": "internal error ({detail}); please report this to the developers",
    },
    "new-bad-id": {
        "ja": "ID「{id}」は使えません。英小文字・数字・ハイフンで書いてください（例: new-measure）",
        "en": "the id '{id}' is not valid; use lower-case letters, digits and hyphens",
    },
    "new-exists": {
        "ja": "{path} はすでにあります。ID は一度使ったら再利用しません。別の ID にしてください",
        "en": "{path} already exists; ids are never reused, choose another",
    },
    "new-done": {
        "ja": "{path} を作りました。施策名以外の（　）の部分・成果指標の値・事業費を記入してください。記入していない箇所は keikaku check が「未記入」として示します",
        "en": "wrote {path}; fill in the placeholders, the KPI values and the budgets: keikaku check reports what is not filled in",
    },
    "new-bad-budget": {
        "ja": "--budget「{value}」は「年度=事業費」の形で、計画期間（{start}〜{end}年度）の年度ごとに１回、0 以上の整数（{unit}）で書いてください（例: --budget {start}=1200）",
        "en": "--budget '{value}' must be YEAR=AMOUNT, once per fiscal year of the period ({start}-{end}), with a whole amount of 0 or more in {unit} (e.g. --budget {start}=1200)",
    },
    "new-bad-project": {
        "ja": "--project「{value}」は「市町村のID=事業名」の形で書いてください。ID は {known} のいずれかです",
        "en": "--project '{value}' must be MUNICIPALITY_ID=NAME, with one of the ids {known}",
    },
    "new-direction-required": {
        "ja": "この計画には施策展開の基本的方向が複数あるため、--direction でどれかを指定してください（{known}）",
        "en": "the plan has more than one direction: name one with --direction ({known})",
    },
    "init-bad-pair": {
        "ja": "{option}「{value}」は「ID=名称」の形で書いてください（例: {option} kita=北市）",
        "en": "{option} '{value}' must be ID=NAME (e.g. {option} kita=Kita City)",
    },
    "init-empty": {
        "ja": "{option} が空です。計画の名称（--name）と定住自立圏の名称（--sphere）を指定してください",
        "en": "{option} is empty: give the plan's name (--name) and the sphere's name (--sphere)",
    },
    "init-bad-period": {
        "ja": "計画期間「{value}」は「開始年度-終了年度」の西暦で書いてください（例: --period 2026-2030）。終了年度は開始年度と同じかそれより後にしてください",
        "en": "the period '{value}' must be START-END in western years (e.g. --period 2026-2030), the end not before the start",
    },
    "init-bad-id": {
        "ja": "市町村の ID「{id}」は使えません。英小文字で始め、英小文字・数字・ハイフンで書いてください（「common」は市町村共通の事業に使うため使えません）",
        "en": "the municipality id '{id}' is not valid: start with a lower-case letter and use lower-case letters, digits and hyphens ('common' is reserved for joint projects)",
    },
    "init-duplicate-id": {
        "ja": "市町村の ID「{id}」が２回指定されています。市町村ごとに別の ID にしてください",
        "en": "the municipality id '{id}' is given twice; give each municipality its own id",
    },
    "init-no-municipality": {
        "ja": "圏域の市町村を --municipality ID=名称 で１つ以上指定してください（例: --municipality kita=北市）",
        "en": "name the sphere's municipalities with --municipality ID=NAME (at least one)",
    },
    "init-no-central": {
        "ja": "中心市を --central で１つ以上指定してください（指定できる ID: {known}）",
        "en": "name the central city with --central (at least one; ids: {known})",
    },
    "init-unknown-id": {
        "ja": "{option} の「{id}」は --municipality で指定した市町村の ID ではありません（指定できる ID: {known}）",
        "en": "{option} '{id}' is not the id of a municipality given with --municipality (ids: {known})",
    },
    "init-not-empty": {
        "ja": "{path} は空のフォルダではありません。keikaku init はファイルを上書きしないため、まだないフォルダか空のフォルダを指定してください",
        "en": "{path} is not an empty folder; keikaku init never overwrites files, so name a folder that does not exist yet or is empty",
    },
    "init-done": {
        "ja": "{path} に計画のリポジトリを作りました（{count} ファイル）。次に docs/data/structure.yaml の「（…を記入）」を原資料から転記し、keikaku new で施策を加えてください。keikaku check で確かめられます",
        "en": "wrote a plan repository of {count} files to {path}; next, transcribe the structure (docs/data/structure.yaml) from the source and add measures with keikaku new; keikaku check checks them",
    },
    "synth-usage": {
        "ja": "施策の数はもとにする計画の施策数（{minimum}）以上、出力先は存在しないか空のフォルダにしてください",
        "en": "the count must be at least the source plan's {minimum} measures and the destination absent or empty",
    },
    "synth-done": {
        "ja": "{count} 件の施策からなる合成計画を {dest} に作りました",
        "en": "wrote a synthetic plan of {count} measures to {dest}",
    },
    "export-invalid": {
        "ja": "出力データがスキーマ schemas/export.schema.json に合いません: {detail}",
        "en": "the export does not match schemas/export.schema.json: {detail}",
    },
    "export-has-problems": {
        "ja": "計画に {count} 件のエラーがあるため出力できません。先に keikaku check で直してください",
        "en": "cannot export: the plan has {count} errors; fix them first (keikaku check)",
    },
}

LANGS = ("ja", "en")


def render(key: str, lang: str = "ja", **params: object) -> str:
    """Return the message ``key`` in ``lang`` with ``params`` filled in."""
    return fill(MESSAGES[key], lang, **params)


def fill(entry: dict[str, str], lang: str, **params: object) -> str:
    """A catalogue entry ({"ja": …, "en": …}) in ``lang`` (Japanese for a language it
    lacks), with ``params`` filled in: the messages' and the site texts' (sphinxext/texts.py)."""
    return (entry.get(lang) or entry["ja"]).format(**params)
