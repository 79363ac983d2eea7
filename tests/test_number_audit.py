"""The number audit: the real plan has no unclassified number, and changing a number the
audit classifies as checked, quoted or external (as written in the prose) makes
``keikaku check`` report that file and line: the mutation sweep of issue 9's done-when.

The suite changes a sample: one number of each kind of binding (class and what it is
checked against, figures aside), then every k-th. ``KEIKAKU_FULL_SWEEP=1`` changes every
number, one at a time (some minutes): all are reported, and ``EXCEPTIONS`` is empty.
Numbers a program writes into a page (``--write`` regions) and the check catalogue
(messages.py, not a file of the plan) are left out."""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

import pytest

from keikaku.audit import Occurrence
from keikaku.check import load_plan

from .conftest import REPO, copy_plan

FULL = str.maketrans("０１２３４５６７８９", "0123456789")
SAMPLE = 30  # every k-th number besides one of each kind, deterministically
FULL_SWEEP = os.environ.get("KEIKAKU_FULL_SWEEP") == "1"
# file:line:number -> why changing it is not reported (none: every change is)
EXCEPTIONS: dict[str, str] = {}


@functools.cache
def baseline():
    return load_plan(REPO)


def test_the_real_plan_has_no_unclassified_number() -> None:
    audit = baseline().audit
    counts = audit.counts()
    assert counts["unclassified"] == 0, [
        f"{n.file}:{n.line}: {n.text}" for n in audit.numbers if n.cls == "unclassified"]
    assert counts["bound"] and counts["checked"] and counts["quoted"] and counts["external"]


def _bump(number: str) -> str:
    """The number with its last digit changed (in its own width)."""
    digit = number[-1]
    full = digit != digit.translate(FULL)
    new = str((int(digit.translate(FULL)) + 1) % 10)
    if full:
        new = new.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return number[:-1] + new


def _changeable() -> list[Occurrence]:
    return [n for n in baseline().audit.numbers
            if n.cls in ("checked", "quoted", "external") and not n.text.startswith("{value}")
            and "--write" not in n.against and not n.file.startswith("tools/")]


def _kind(n: Occurrence) -> tuple[str, ...]:
    """What binds a number, its figures and measure aside (a quote: where it stands)."""
    if n.cls == "quoted":
        return n.cls, n.file.partition("/")[0], str(n.keypath[:1])
    if n.cls == "external":  # a fact as declared (its value or text): one is enough
        return n.cls, n.against.partition(".")[0]
    against = re.sub(r"measures\.[a-z0-9-]+", "measures.*", n.against)
    return n.cls, re.sub(r"\d+", "N", against.partition(" ")[0])


def _sample() -> list[Occurrence]:
    numbers = _changeable()
    if FULL_SWEEP:
        return numbers
    kinds: dict[tuple[str, str], Occurrence] = {}
    for n in numbers:  # one of each binding: 'measures.x.budget.2025' as 'measures.*.budget.N'
        kinds.setdefault(_kind(n), n)
    step = max(1, len(numbers) // SAMPLE)
    chosen = {id(n): n for n in [*kinds.values(), *numbers[::step][:SAMPLE]]}
    return list(chosen.values())


def _mutate(root: Path, n: Occurrence) -> None:
    path = root / n.file
    lines = path.read_text(encoding="utf-8").split("\n")
    line = lines[n.line - 1]
    at = line.find(n.context)
    assert at >= 0, f"{n.file}:{n.line}: {n.context!r} not found as written"
    at += n.start
    assert line[at:at + len(n.text)] == n.text
    lines[n.line - 1] = line[:at] + _bump(n.text) + line[at + len(n.text):]
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def plan_to_change(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the plan for the whole sweep: each test changes one file and puts it
    back (the check of an unchanged copy reports what the repository's does)."""
    return copy_plan(tmp_path_factory.mktemp("sweep") / "plan")


@pytest.mark.parametrize("number", _sample(), ids=lambda n: f"{n.file}:{n.line}:{n.text}")
def test_changing_a_number_is_reported_at_its_line(plan_to_change: Path,
                                                   number: Occurrence) -> None:
    root = plan_to_change
    path = root / number.file
    original = path.read_bytes()
    try:
        _mutate(root, number)
        after = load_plan(root).problems
    finally:
        path.write_bytes(original)
    before = {(p.code, p.file, p.line, p.message()) for p in baseline().problems}
    new = [p for p in after if (p.code, p.file, p.line, p.message()) not in before]
    key = f"{number.file}:{number.line}:{number.text}"
    reported = any(p.file == number.file and p.line == number.line for p in new)
    assert reported or key in EXCEPTIONS, (
        f"{number.text} → {_bump(number.text)} ({number.cls}: {number.against}) not reported; "
        f"new problems: {[p.format() for p in new]}")


def test_audit_command_lists_numbers_and_counts(capsys) -> None:
    import json

    from keikaku.cli import main

    assert main(["check", "--audit", "--format", "json", str(REPO)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["unclassified"] == 0
    assert sum(data["counts"].values()) == len(data["numbers"])
    restated = [n for n in data["numbers"] if n["file"] == "docs/data/comments.yaml"
                and n["class"] == "checked"]
    assert {n["number"] for n in restated} >= {"73", "241", "365", "679", "803", "84"}
    card = REPO / "measures" / "holiday-night-care.md"
    assert main(["--lang", "en", "check", "--audit", str(card)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("measures/holiday-night-care.md:33: ")
    mine = [n for n in baseline().audit.numbers if n.file == "measures/holiday-night-care.md"]
    assert len(out) - 1 == len(mine)
    assert out[-1].startswith(f"{len(mine)} numbers: bound "
                              f"{sum(n.cls == 'bound' for n in mine)}, checked "
                              f"{sum(n.cls == 'checked' for n in mine)}")
