"""Wording rules: a Japanese lint of the plan's prose (warnings; errors under --strict).

The prose is the measures' bodies and text fields, the structure's names and 協定の内容,
the pages (docs/**/*.md, index.md); comments.yaml is the public's words quoted verbatim,
so only near-misses of the plan's own names are looked for there. Every name, and the
municipalities that decide 市町 or 市町村, come from the loaded plan; preferred forms
from docs/data/glossary.yaml (prh's shape). What the draft printed and this repository
transcribes faithfully is recorded in the errata: a finding that an erratum with the
same ``rule`` quotes is acknowledged (「正誤表 Exx に記録済み」).

- ``keikaku.wording-variant``: a glossary pattern, or a word written two ways in the
  plan (SudachiPy's normalized form groups the surfaces: 子ども/こども, 取組/取り組み),
  or one title given two ways after the same name (地域おこし協力隊（ＤＸ支援員） and
  地域おこし協力隊（ＤＸ推進員）, the comparison table's quotes included);
- ``keikaku.wording-variant`` also: the okurigana of a verb or adjective written two
  ways (取り組む/取組む, 行う/行なう: the same kanji, the same reading);
- ``keikaku.proper-noun``: a near-miss of a municipality, area, field, direction or
  measure name (平泉村, 交通インフラの整備, むすびつきやネットワークの強化);
- ``keikaku.sphere-wording``: 「圏域市町村」 in a sphere without a 村, and the like;
- ``keikaku.width``: one term in full-width and half-width letters (ＤＸ/DX);
- ``keikaku.spacing``: an ASCII space between two Japanese characters;
- ``keikaku.sentence-end``: a line of 取組内容, 事業効果, 役割分担 or 協定の内容 without 。.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .. import prosetext as pt
from ..analyser import (
    BEGIN,
    END,
    NORMALIZED,
    POS,
    POS2,
    READING,
    SURFACE,
    Cache,
    Token,
    cache_for,
)
from ..load import Sources
from ..messages import render
from ..model import Plan
from ..placeholders import ALL_TEXTS as PLACEHOLDERS
from ..problems import Problem, Severity

JA = (r"\u3005\u3007\u3041-\u309f\u30a1-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
      r"\uff10-\uff19\uff21-\uff3a\uff41-\uff5a、。「」『』（）")
_SPACE = re.compile(f"(?<=[{JA}]) +(?=[{JA}])")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*|[Ａ-Ｚａ-ｚ][Ａ-Ｚａ-ｚ０-９]*")
ENDINGS = ("。", "。）", "。」")
# A section number and its space at the start of a heading (「１ 定住自立圏の名称」).
_NUMBERED = re.compile(r"^[0-9０-９ⅠⅡⅢⅣⅤⅥ①-⑳（）()]+$")
CONTENT = {"名詞"}
# Words that stand for the sphere's municipalities as a whole (圏域市町, 両市町, ...).
SPHERE_PREFIX = r"(?:圏域内の|圏域内|圏域|両|構成)"
KINDS = "市町村"


class Recorded:
    """The 「（正誤表 Exx に記録済み）」 suffix of an acknowledged finding."""

    def __init__(self, errata: str) -> None:
        self.errata = errata

    def render(self, lang: str) -> str:
        return render("wording-recorded", lang, errata=self.errata)


@dataclass
class Finding:
    code: str
    seg: pt.Segment
    begin: int
    end: int
    key: str
    params: dict[str, object]

    def context(self, width: int = 2) -> str:
        """The finding with up to ``width`` characters each side, within its segment and
        without what is not prose: the words an erratum must quote to record it."""
        text = self.seg.text
        a = max(0, self.begin - width)
        b = min(len(text), self.end + width)
        while pt.OBJ in text[a:self.begin]:
            a += 1
        while pt.OBJ in text[self.end:b]:
            b -= 1
        return text[a:b]


# -- what the lint reads -------------------------------------------------------------------

def segments(sources: Sources) -> dict[str, list[pt.Segment]]:
    """The prose of every file, by file."""
    out: dict[str, list[pt.Segment]] = {}
    for doc in sources.measures:
        if doc.ok:
            out[doc.rel] = list(pt.measure_segments(doc.rel, doc.text, doc.line_offset + 1,
                                                    doc.body, doc.body_line, doc.data))
    if sources.structure.ok:
        out[sources.structure.rel] = list(pt.structure_segments(sources.structure.rel,
                                                                sources.structure.text))
    for doc in (sources.comments, sources.comparison):
        if doc is not None and doc.ok:
            out[doc.rel] = list(pt.quote_segments(doc.rel, doc.text))
    # The pages as the loader read them (a page it refused has no text: not read again);
    # a front matter holds no prose.
    for doc in sources.pages:
        out[doc.rel] = list(pt.myst_segments(doc.rel, doc.body, doc.body_line))
    return out


# -- glossary ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Term:
    expected: str
    patterns: tuple[re.Pattern[str], ...]
    note: str


def glossary(data: dict[str, Any] | None) -> list[Term]:
    terms = []
    for rule in (data or {}).get("rules", []):
        raw = rule.get("patterns", rule.get("pattern", []))
        raw = [raw] if isinstance(raw, str) else raw
        compiled = tuple(re.compile(p[1:-1]) if len(p) > 2 and p[0] == p[-1] == "/"
                         else re.compile(re.escape(p)) for p in raw)
        terms.append(Term(rule["expected"], compiled, rule.get("prh", "")))
    return terms


def _glossary(seg: pt.Segment, terms: list[Term]) -> Iterator[Finding]:
    for term in terms:
        covered = [(m.start(), m.end()) for m in re.finditer(re.escape(term.expected),
                                                              seg.text)]
        for pattern in term.patterns:
            for m in pattern.finditer(seg.text):
                if m.group(0) == term.expected or any(a <= m.start() and m.end() <= b
                                                      for a, b in covered):
                    continue
                yield Finding("keikaku.wording-variant", seg, m.start(), m.end(),
                              "wording-glossary",
                              {"found": m.group(0), "expected": term.expected,
                               "note": f"（{term.note}）" if term.note else ""})


# -- variants by the analyser ------------------------------------------------------------------

def _variant_words(files: Iterable[Prose]) -> dict[str, Counter[str]]:
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for prose in files:
        for seg, toks in zip(prose.segments, prose.tokens, strict=True):
            if seg.kind == pt.QUOTE:
                continue
            for t in toks:
                if t[POS] in CONTENT and t[POS2] != "数詞" and len(t[SURFACE]) > 1:
                    groups[t[NORMALIZED]][t[SURFACE]] += prose.copies
    return groups


def _preferred(normalized: str, forms: Counter[str], expected: set[str]) -> str:
    """The form to use: the glossary's, else the plan's most frequent, else (a tie) the
    standard form (SudachiPy's normalized form), else the form with more kanji
    (公用文作成の考え方: words of the 常用漢字表 are written in kanji)."""
    for form in forms:
        if form in expected:
            return form
    return max(forms, key=lambda f: (forms[f], f == normalized,
                                     sum("\u4e00" <= c <= "\u9fff" for c in f), f))


def _variants(seg: pt.Segment, toks: tuple[Token, ...], groups: dict[str, Counter[str]],
              readings: dict[str, set[str]], expected: set[str]) -> Iterator[Finding]:
    for t in toks:
        forms = groups.get(t[NORMALIZED])
        if not forms or len(forms) < 2 or t[POS] not in CONTENT or len(readings[t[NORMALIZED]]) > 1:
            continue
        if len({unicodedata.normalize("NFKC", f) for f in forms}) < 2:
            continue  # width only: keikaku.width
        preferred = _preferred(t[NORMALIZED], forms, expected)
        if t[SURFACE] != preferred and t[SURFACE] in forms:
            yield Finding("keikaku.wording-variant", seg, t[BEGIN], t[END], "wording-variant",
                          {"found": t[SURFACE], "preferred": preferred,
                           "count": forms[preferred], "found_count": forms[t[SURFACE]]})


# -- okurigana of verbs and adjectives: 取り組む/取組む, 行う/行なう -------------------------------

INFLECTED = {"動詞", "形容詞"}
_KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff々]")


def _okurigana_words(files: Iterable[Prose]) -> dict[tuple[str, str, str], tuple[str, int, int]]:
    """(normalized form, reading, surface) -> (preferred surface, its count, this one's) of
    every verb or adjective written otherwise than its preferred form: the same kanji
    and reading with other kana. One word in two inflections reads differently
    (取り組む, 取り組ん) and is not compared. The plan's most frequent form is preferred; on
    a tie the one nearest SudachiPy's normalized form (the 本則 of 送り仮名の付け方, as
    公用文作成の考え方 (2022) asks)."""
    groups: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for prose in files:
        for seg, toks in zip(prose.segments, prose.tokens, strict=True):
            if seg.kind != pt.QUOTE:
                for t in toks:
                    if t[POS] in INFLECTED:
                        groups[(t[NORMALIZED], t[READING])][t[SURFACE]] += prose.copies
    out: dict[tuple[str, str, str], tuple[str, int, int]] = {}
    for (normalized, reading), forms in groups.items():
        if len(forms) < 2:
            continue
        by_kanji: dict[str, Counter[str]] = defaultdict(Counter)
        for form, n in forms.items():
            by_kanji["".join(_KANJI.findall(form))][form] = n
        for kanji, same in by_kanji.items():
            if not kanji or len(same) < 2:
                continue
            preferred = max(same, key=lambda f: (same[f], _common(f, normalized), f))
            for form, n in same.items():
                if form != preferred:
                    out[(normalized, reading, form)] = (preferred, same[preferred], n)
    return out


def _common(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                min(len(a), len(b)))


def _okurigana(seg: pt.Segment, toks: tuple[Token, ...],
               variants: dict[tuple[str, str, str], tuple[str, int, int]]
               ) -> Iterator[Finding]:
    """A verb or adjective whose okurigana is written two ways in the plan."""
    if not variants:
        return
    for t in toks:
        hit = variants.get((t[NORMALIZED], t[READING], t[SURFACE]))
        if hit is not None and t[POS] in INFLECTED:
            preferred, count, found = hit
            yield Finding("keikaku.wording-variant", seg, t[BEGIN], t[END], "wording-variant",
                          {"found": t[SURFACE], "preferred": preferred, "count": count,
                           "found_count": found})


# -- titles given after a name: 地域おこし協力隊（ＤＸ支援員） -----------------------------------

# A name followed by a title in brackets: the title ends like a post (員, 者, 官, 師, 士).
_GLOSS = re.compile(r"([\u3041-\u30ff\u4e00-\u9fff]{4,})（([^（）]{1,12}[員者官師士])）")
GLOSS_NAME = 4  # characters of the name (its end) that must be the same


def _names(m: re.Match[str]) -> list[str]:
    """The name before the bracket, as its endings of GLOSS_NAME characters or more,
    longest first (「日に着任した地域おこし協力隊」 is also 「地域おこし協力隊」)."""
    name = m.group(1)
    return [name[i:] for i in range(len(name) - GLOSS_NAME + 1)]


def _glosses(files: Iterable[Prose]) -> dict[str, dict[str, pt.Segment]]:
    """name -> title -> the first segment giving the name that title."""
    out: dict[str, dict[str, pt.Segment]] = defaultdict(dict)
    for prose in files:
        for seg in prose.segments:
            for m in _GLOSS.finditer(seg.text):
                for name in _names(m):
                    out[name].setdefault(m.group(2), seg)
    return out


def _gloss(seg: pt.Segment, glosses: dict[str, dict[str, pt.Segment]]) -> Iterator[Finding]:
    for m in _GLOSS.finditer(seg.text):
        for name in _names(m):
            others = [(t, s) for t, s in glosses.get(name, {}).items() if t != m.group(2)]
            if others:
                other, where = others[0]
                yield Finding("keikaku.wording-variant", seg, m.end(1) - len(name), m.end(),
                              "wording-gloss", {"head": name, "found": m.group(2),
                                                "other": other,
                                                "where": f"{where.rel}:{where.line}"})
                break


# -- proper nouns ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Name:
    name: str
    label: str  # message key of what it names
    key: tuple[str, ...]  # readings of its words, without の, ・ and spaces


SKIP = {"の", "・", " ", "　"}


def _reading_key(toks: Iterable[Token]) -> tuple[str, ...]:
    return tuple(t[READING] for t in toks if t[SURFACE] not in SKIP)


def names(plan: Plan) -> list[tuple[str, str]]:
    out = [(a.name, "@noun-area") for a in plan.areas]
    out += [(f.name, "@noun-field") for f in plan.fields()]
    out += [(d.name, "@noun-direction") for d in plan.directions()]
    out += [(m.name, "@noun-measure") for m in plan.measures]
    return out


def _proper_nouns(seg: pt.Segment, toks: tuple[Token, ...], known: dict[str, list[Name]]
                  ) -> Iterator[Finding]:
    kept = [t for t in toks if t[SURFACE] not in SKIP]
    readings = tuple(t[READING] for t in kept)
    for i, first in enumerate(readings):
        for name in known.get(first, ()):
            n = len(name.key)
            if readings[i:i + n] != name.key:
                continue
            begin, end = kept[i][BEGIN], kept[i + n - 1][END]
            found = seg.text[begin:end]
            if found != name.name and not _joined(found, name.name):
                yield Finding("keikaku.proper-noun", seg, begin, end, "proper-noun",
                              {"found": seg.text[begin:end], "label": name.label,
                               "name": name.name})


def _joined(found: str, name: str) -> bool:
    """Whether ``found`` is ``name`` with some の or ・ left out: a compound made from the
    name (移住定住促進事業 from 移住定住の促進), not a slip."""
    return all(found.count(c) <= name.count(c) for c in "の・") and \
        sum(map(found.count, "の・")) < sum(map(name.count, "の・"))


def _municipalities(seg: pt.Segment, plan: Plan) -> Iterator[Finding]:
    for m in plan.municipalities:
        if len(m.name) < 3 or m.name[-1] not in KINDS:
            continue
        stem = m.name[:-1]
        for hit in re.finditer(re.escape(stem) + f"([{KINDS}])(?![{KINDS}])", seg.text):
            if hit.group(1) != m.name[-1]:
                yield Finding("keikaku.proper-noun", seg, hit.start(), hit.end(), "proper-noun",
                              {"found": hit.group(0), "label": "@noun-municipality",
                               "name": m.name})


# -- the sphere, width, spaces and endings -------------------------------------------------------

def _sphere(seg: pt.Segment, plan: Plan) -> Iterator[Finding]:
    kinds = {m.name[-1] for m in plan.municipalities}
    if not kinds <= set(KINDS):
        return
    expected = "".join(k for k in KINDS if k in kinds)
    names_ = "・".join(m.name for m in plan.municipalities)
    for hit in re.finditer(SPHERE_PREFIX + "(市町村|市町|市村|町村)", seg.text):
        word = hit.group(1)
        if word != expected:
            prefix = hit.group(0)[: -len(word)]
            yield Finding("keikaku.sphere-wording", seg, hit.start(), hit.end(),
                          "sphere-wording",
                          {"found": hit.group(0), "expected": prefix + expected,
                           "names": names_})


def _widths(files: Iterable[Prose]) -> dict[str, Counter[str]]:
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for prose in files:
        for seg in prose.segments:
            if seg.kind != pt.QUOTE:
                for m in _LATIN.finditer(seg.text):
                    forms[unicodedata.normalize("NFKC", m.group(0)).upper()][m.group(0)] += (
                        prose.copies)
    return forms


def _width(seg: pt.Segment, forms: dict[str, Counter[str]]) -> Iterator[Finding]:
    for m in _LATIN.finditer(seg.text):
        seen = forms[unicodedata.normalize("NFKC", m.group(0)).upper()]
        full = [f for f in seen if f.isascii() is False]
        half = [f for f in seen if f.isascii()]
        if not (full and half):
            continue
        # the plan's most frequent width; a tie goes to full width, the draft's own
        preferred_full = sum(seen[f] for f in full) >= sum(seen[f] for f in half)
        if m.group(0).isascii() == preferred_full:
            preferred = max(full if preferred_full else half, key=lambda f: seen[f])
            yield Finding("keikaku.width", seg, m.start(), m.end(), "width",
                          {"found": m.group(0), "preferred": preferred})


def _spacing(seg: pt.Segment) -> Iterator[Finding]:
    for m in _SPACE.finditer(seg.text):
        if _NUMBERED.match(seg.text[:m.start()]):
            continue
        a, b = max(0, m.start() - 2), min(len(seg.text), m.end() + 2)
        while pt.OBJ in seg.text[a:m.start()]:
            a += 1
        while pt.OBJ in seg.text[m.end():b]:
            b -= 1
        yield Finding("keikaku.spacing", seg, a, b, "spacing",
                      {"found": seg.text[a:b],
                       "fixed": seg.text[a:m.start()] + seg.text[m.end():b]})


def _ending(seg: pt.Segment) -> Iterator[Finding]:
    text = seg.text.rstrip()
    if text and not text.endswith(ENDINGS):
        begin = max(0, len(text) - 12)
        yield Finding("keikaku.sentence-end", seg, begin, len(text), "sentence-end",
                      {"found": text[begin:]})


# -- errata ------------------------------------------------------------------------------------

def _recorded(f: Finding, errata: list[dict[str, Any]]) -> str | None:
    """The erratum that records this finding as printed: same rule, a quote that holds
    the finding and its neighbours, and (in a measure file) the same measure."""
    context = f.context()
    for entry in errata:
        if entry.get("rule") != f.code:
            continue
        measure = entry.get("measure")
        if measure and f.seg.rel.startswith("measures/") and \
                f.seg.rel != f"measures/{measure}.md":
            continue
        if any(context in p.get("text", "") for p in entry.get("printed", [])):
            return str(entry["id"])
    return None


# -- the rule ------------------------------------------------------------------------------------

@dataclass
class Prose:
    """The prose of one file and its tokens, or of several files whose prose is the same
    line for line (a synthetic plan repeats the real cards): linted once, counted
    ``copies`` times, reported in each."""

    segments: list[pt.Segment]
    tokens: tuple[tuple[Token, ...], ...]
    files: list[str]

    @property
    def copies(self) -> int:
        return len(self.files)


def _prose(by_file: dict[str, list[pt.Segment]], cache: Cache) -> list[Prose]:
    unique: dict[tuple[tuple[int, str, str], ...], Prose] = {}
    for rel, segs in by_file.items():
        key = tuple((s.line, s.kind, s.text) for s in segs)
        if key in unique:
            unique[key].files.append(rel)
        else:
            unique[key] = Prose(segs, cache.analyse_file([s.text for s in segs]), [rel])
    return list(unique.values())


def check(plan: Plan, root: Path, sources: Sources,
          glossary_data: dict[str, Any] | None) -> list[Problem]:
    cache = cache_for(root)
    files = _prose(segments(sources), cache)
    known = _known_names(plan, cache)
    cache.save()
    terms = glossary(glossary_data)
    expected = {t.expected for t in terms}
    groups = _variant_words(files)
    readings: dict[str, set[str]] = defaultdict(set)
    for prose in files:
        for seg, toks in zip(prose.segments, prose.tokens, strict=True):
            if seg.kind != pt.QUOTE:
                for t in toks:
                    if t[NORMALIZED] in groups:
                        readings[t[NORMALIZED]].add(t[READING])
    widths = _widths(files)
    glosses = _glosses(files)
    okurigana = _okurigana_words(files)
    findings: list[Finding] = []
    for prose in files:
        found: list[Finding] = []
        for seg, toks in zip(prose.segments, prose.tokens, strict=True):
            if any(p in seg.text for p in PLACEHOLDERS):
                continue  # keikaku.placeholder reports it: one problem, one message
            found += _lint(seg, toks, plan, known, terms, expected, groups, readings, widths)
            if seg.kind != pt.QUOTE:
                found += _gloss(seg, glosses)
                found += _okurigana(seg, toks, okurigana)
        findings += found
        for rel in prose.files[1:]:
            findings += [replace(f, seg=replace(f.seg, rel=rel)) for f in found]
    return [_problem(f, plan.errata) for f in findings]


def _lint(seg: pt.Segment, toks: tuple[Token, ...], plan: Plan, known: dict[str, list[Name]],
          terms: list[Term], expected: set[str], groups: dict[str, Counter[str]],
          readings: dict[str, set[str]], widths: dict[str, Counter[str]]) -> list[Finding]:
    found = list(_proper_nouns(seg, toks, known)) + list(_municipalities(seg, plan))
    if seg.kind != pt.QUOTE:
        found += _glossary(seg, terms)
        taken = [(f.begin, f.end) for f in found]
        found += [f for f in _variants(seg, toks, groups, readings, expected)
                  if not any(a <= f.begin < b for a, b in taken)]
        found += _sphere(seg, plan)
        found += _width(seg, widths)
        found += _spacing(seg)
    if seg.kind == pt.SENTENCES:
        found += _ending(seg)
    return found


def _known_names(plan: Plan, cache: Cache) -> dict[str, list[Name]]:
    """The plan's names of four characters or more and two words or more (a shorter one,
    医療, has homophones), by the reading of their first word."""
    raw = [(n, label) for n, label in names(plan) if len(n) >= 4]
    out: dict[str, list[Name]] = defaultdict(list)
    for (n, label), toks in zip(raw, cache.analyse_file([n for n, _ in raw]), strict=True):
        key = _reading_key(toks)
        if len(key) >= 2:
            out[key[0]].append(Name(n, label, key))
    return out


def _problem(f: Finding, errata: list[dict[str, Any]]) -> Problem:
    recorded = _recorded(f, errata)
    params = {**f.params, "recorded": Recorded(recorded) if recorded else ""}
    return Problem(f.code, f.seg.rel, f.seg.line, f.key, params, Severity.WARNING,
                   acknowledged=recorded is not None)
