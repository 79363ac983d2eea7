"""Rule families. Each module exposes ``check(...) -> list[Problem]``.

- ``schema``: every data file against its JSON Schema (runs on documents);
- ``identity``: ids, display numbers, references;
- ``kpi``: KPI years, derivations, targets;
- ``actuals``: KPI actuals (years, notes, missing years, parts) and the grading table;
- ``budget``: budget years and zero years;
- ``population``: sums, rates and targets of the population tables;
- ``prose``: data references and era/weekday pairs in the MyST text;
- ``revision``: comments, opinions and the comparison with the previous vision;
- ``terms``: the 政策分野 a text names are the plan's;
- ``roles``: a 役割分担 that has every municipality pay names a project of each;
- ``placeholder``: what ``keikaku new`` wrote and nobody has filled in;
- ``quote``: quotes of the data against the archived source (docs/source/);
- ``wording``: a Japanese lint of the prose (variants, names, width, spaces, 。).

A finding of a rule that the errata record as printed is linked from where it stands
(``errata: {keikaku.<code>: E61}``; see ``Plan.recorded``): it is then a warning
acknowledged (``--strict`` does not fail on it).
"""
