"""The wording lint's fast paths give what the plain definitions give: myst_line tries a
pattern only when the line holds its character, measure_segments walks the data without
building paths (keikaku.prosetext)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from keikaku import prosetext as pt
from keikaku.load import read_sources

ROOT = Path(__file__).resolve().parents[1]


def plain_myst_line(line: str) -> str:
    """myst_line as first written: every pattern on every line."""
    for pattern, repl in ((pt._ROLE, pt.OBJ), (pt._CODE, pt.OBJ), (pt._LINK, r"\1"),
                          (pt._URL, pt.OBJ), (pt._TAG, pt.OBJ), (pt._HEADING, ""),
                          (pt._ITEM, "")):
        line = pattern.sub(repl, line)
    return line.replace("**", "").replace("|", pt.OBJ)


def plain_measure_segments(doc) -> list[pt.Segment]:
    """The front matter's segments as first written: each string value with its key
    path, kept when a key of the path is a text key and none is ``printed``, placed at
    the first line from the last one found that holds it (else an earlier one)."""
    def leaves(value, path):
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            for k, v in value.items():
                yield from leaves(v, (*path, str(k)))
        elif isinstance(value, list):
            for v in value:
                yield from leaves(v, path)

    lines, at, out = doc.text.split("\n"), 0, []
    for path, value in leaves(doc.data, ()):
        if "printed" in path or not pt.MEASURE_TEXT_KEYS & set(path):
            continue
        for part in (p.strip() for p in value.split("\n")):
            if part:
                hit = next((i for i in range(at, len(lines)) if part in lines[i]), None)
                at = hit if hit is not None else next(
                    (i for i in range(at) if part in lines[i]), at)
                out.append(pt.Segment(doc.rel, doc.line_offset + 1 + at, part, pt.TEXT))
    return out


MARKUP = "`{}[]()<>#*+-|!:/ 　\t１2.httpsx本文"


@settings(max_examples=500, deadline=None)
@given(line=st.text(alphabet=MARKUP, max_size=30))
def test_myst_line_as_plain(line: str) -> None:
    assert pt.myst_line(line) == plain_myst_line(line)


def test_myst_line_as_plain_on_the_plan_s_pages() -> None:
    lines = [line for path in [*ROOT.glob("measures/*.md"), *ROOT.glob("docs/**/*.md")]
             for line in path.read_text(encoding="utf-8").split("\n")]
    assert len(lines) > 1000
    changed = [line for line in lines if pt.myst_line(line) != line]
    assert changed, "the plan's pages hold markup that myst_line removes"
    assert [pt.myst_line(line) for line in lines] == [plain_myst_line(line) for line in lines]


def test_measure_segments_as_by_path() -> None:
    sources = read_sources(ROOT, [])
    for doc in sources.measures:
        fast = list(pt.measure_segments(doc.rel, doc.text, doc.line_offset + 1, "",
                                        doc.body_line, doc.data))
        assert fast == plain_measure_segments(doc), doc.rel
        assert fast


def test_measure_segments_skip_printed_and_keep_nested_texts() -> None:
    text = "name: 甲\nprinted:\n  name: 乙\nkpis:\n- name: 丙\n  notes: [丁]\n1: {name: 戊}\n"
    data = {"name": "甲", "printed": {"name": "乙"},
            "kpis": [{"name": "丙", "notes": ["丁"]}], 1: {"name": "戊"}}
    doc = type("Doc", (), {"rel": "m.md", "text": text, "line_offset": 0, "data": data})
    fast = list(pt.measure_segments("m.md", text, 1, "", 9, data))
    assert [(s.text, s.line) for s in fast] == [("甲", 1), ("丙", 5), ("丁", 6), ("戊", 7)]
    assert fast == plain_measure_segments(doc)
