"""The archived source (docs/source/) and the normalisation quotes are found under."""

from __future__ import annotations

import pytest
import yaml

from keikaku.archive import Archive, normalise, sha256

from .conftest import REPO

SOURCE = REPO / "docs" / "source"
ORIGINAL = REPO.parent / "shared" / "source" / "council-2024-03-21.txt"


def provenance() -> dict:
    return yaml.safe_load((SOURCE / "provenance.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("text", "normal"), [
    ("休日・夜間診療体制確保事\n業", "休日・夜間診療体制確保事業"),  # a wrap mid-word
    ("なります。 \n\n　なお、", "なります。なお、"),  # blank lines, paragraph indent
    ("令和６年３月 21 日（木）", "令和６年３月21日（木）"),  # spaces the text layer adds
    ("（令和 10年度）", "（令和10年度）"),
    ("整備 を推進する。", "整備 を推進する。"),  # a space between Japanese stays
    ("事業効果 　圏域", "事業効果 圏域"),  # a run of spaces is one
    ("(2022年度) (2028年度)", "(2022年度) (2028年度)"),
    ("８４％", "８４％"),  # full-width stays full-width
])
def test_normalise_takes_out_only_the_text_layers_artefacts(text: str, normal: str) -> None:
    assert normalise(text) == normal


def test_full_and_half_width_are_different() -> None:
    archive = Archive("a.txt", "現状値（2022年度）が84%と示されて\nいますが")
    assert "84%と示されていますが" in archive
    assert "８４%と示されていますが" not in archive
    assert "84％と示されていますが" not in archive


def test_places_and_lines() -> None:
    archive = Archive("a.txt", "外部人材\nの確保\n\nほか\n外部人材の確保\n")
    assert archive.find("外部人材の確保") == [(1, 2), (5, 5)]
    assert archive.places(["外部人材の確保"], hints=[5]) == [(5, 5)]
    assert archive.places(["外部人材の確保", "外部人材の確保"], hints=[1, 5]) == [(1, 2), (5, 5)]
    assert archive.places(["外部人材の確保"], lines=[5]) == [(5, 5)]
    assert archive.places(["外部人材の確保"], lines=[4]) == [None]
    near = archive.closest("外部人材の獲得")
    assert near is not None and near.printed == "外部人材の確保" and near.line in (1, 2, 5)


def test_the_archive_is_the_one_its_provenance_records() -> None:
    prov = provenance()
    raw = (SOURCE / prov["file"]).read_bytes()
    assert sha256(raw) == prov["archive"]["sha256"]
    lines = raw.decode("utf-8").split("\n")  # the last line has no line break
    assert len(lines) == prov["archive"]["lines"] == prov["original"]["lines"]
    marker = prov["redacted"]["marker"]
    redacted = {n for g in prov["redacted"]["groups"] for n in g["lines"]}
    assert {n for n, line in enumerate(lines, start=1) if line == marker} == redacted


@pytest.mark.skipif(not ORIGINAL.is_file(), reason="the original (../shared/source) is not here")
def test_the_archive_is_the_original_with_only_the_roster_lines_replaced() -> None:
    prov = provenance()
    raw = ORIGINAL.read_bytes()
    assert sha256(raw) == prov["original"]["sha256"]
    lines = raw.decode("utf-8").split("\n")
    for group in prov["redacted"]["groups"]:
        for n in group["lines"]:
            lines[n - 1] = prov["redacted"]["marker"]
    assert "\n".join(lines).encode("utf-8") == (SOURCE / prov["file"]).read_bytes()


def test_every_quote_of_the_real_data_is_checked_and_found() -> None:
    from keikaku.check import load_plan
    from keikaku.load import read_sources
    from keikaku.rules.quote import quotes

    result = load_plan(REPO)
    assert result.archive is not None
    assert not [p for p in result.problems if p.code in ("keikaku.quote", "keikaku.archive")]
    assert len(list(quotes(read_sources(REPO, [])))) >= 290
