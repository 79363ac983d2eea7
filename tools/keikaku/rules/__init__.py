"""Rule families. Each module exposes ``check(...) -> list[Problem]``.

- ``schema``: every data file against its JSON Schema (runs on documents);
- ``identity``: ids, display numbers, references;
- ``kpi``: KPI years, derivations, targets;
- ``budget``: budget years and zero years;
- ``population``: sums, rates and targets of the population tables;
- ``prose``: data references and era/weekday pairs in the MyST text;
- ``placeholder``: what ``keikaku new`` wrote and nobody filled in;
- ``wording``: a Japanese lint of the prose (variants, names, width, spaces, 。).
"""
