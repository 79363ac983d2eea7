"""The archived source text (docs/source/) and how quotes are found in it.

The archive is the text layer of a PDF: lines are wrapped wherever the PDF wrapped
them, table cells are separated by spaces, and the layer puts spaces around
half-width digits and letters set inside Japanese text (「３月 21 日」,
「令和 10年度」) where the page shows none, unevenly. A quote is found when its
*normalised* text occurs in the normalised archive. Normalising does only this:

1. line wraps are joined: every line loses its leading and trailing whitespace
   (the full-width space that indents a paragraph included) and the lines are
   concatenated with nothing between them (blank lines vanish too);
2. inside a line, a run of whitespace (half-width or full-width spaces, tabs) is
   one half-width space;
3. a space between a half-width letter or digit and a character outside ASCII
   (either order) is dropped: 「21 日」 and 「21日」 are the same text.

Nothing else is changed: full-width and half-width digits and letters, ％ and %,
（ and (, punctuation, a space between two Japanese characters (「整備 を推進する」)
all stay as they are, so a quote must have them as printed.
"""

from __future__ import annotations

import bisect
import difflib
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_SPACES = re.compile(r"[^\S\n]+")
_AUTOSPACE = re.compile(r"(?<=[0-9A-Za-z]) (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) (?=[0-9A-Za-z])")


def _line(line: str) -> str:
    return _AUTOSPACE.sub("", _SPACES.sub(" ", line.strip()))


def normalise(text: str) -> str:
    """A text with the PDF text layer's wraps and spacing taken out (see the module)."""
    return "".join(_line(line) for line in text.split("\n"))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Closest:
    """The passage of the archive nearest to a quote that does not occur in it."""

    line: int
    quoted: str  # the quote around its first difference
    printed: str  # the archive at the same place


def _excerpt(text: str, start: int, end: int, context: int = 10) -> str:
    lo, hi = max(0, start - context), min(len(text), end + context)
    return ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")


class Archive:
    """The archived text, normalised once; line numbers are those of the file."""

    def __init__(self, rel: str, text: str, provenance: dict[str, Any] | None = None) -> None:
        self.rel = rel
        self.text = text
        self.provenance = provenance or {}  # docs/source/provenance.yaml, as read
        self.lines = text.split("\n")
        if self.lines and self.lines[-1] == "":
            self.lines.pop()
        parts = [_line(line) for line in self.lines]
        self._starts: list[int] = []
        offset = 0
        for part in parts:
            self._starts.append(offset)
            offset += len(part)
        self.normal = "".join(parts)

    @classmethod
    def read(cls, root: Path, rel: str) -> Archive:
        return cls(rel, (root / rel).read_text(encoding="utf-8"))

    def line_at(self, offset: int) -> int:
        """The file line (1-based) of a character of the normalised text."""
        return bisect.bisect_right(self._starts, offset)

    def __contains__(self, quote: str) -> bool:
        needle = normalise(quote)
        return bool(needle) and needle in self.normal

    def find(self, quote: str) -> list[tuple[int, int]]:
        """Every place the quote occurs, as (first line, last line)."""
        needle = normalise(quote)
        out: list[tuple[int, int]] = []
        if not needle:
            return out
        pos = self.normal.find(needle)
        while pos != -1:
            out.append((self.line_at(pos), self.line_at(pos + len(needle) - 1)))
            pos = self.normal.find(needle, pos + 1)
        return out

    def places(self, quotes: list[str], hints: list[int] | tuple[int, ...] = (),
               lines: list[int | None] | None = None) -> list[tuple[int, int] | None]:
        """Where each of several quotes of one record stands (an erratum's printed texts,
        whose lines the record lists as ``hints``, in no particular order). A quote with
        its own line in ``lines`` stands at the place holding that line (None if none
        does). Otherwise a quote found in several places takes one holding a hinted line
        no other quote has taken, the quotes with the fewest such places choosing first,
        or else its first place; None when it does not occur."""
        lines = lines or [None] * len(quotes)
        found = [self.find(q) for q in quotes]
        out: list[tuple[int, int] | None] = [places[0] if places else None
                                             for places in found]
        taken: set[int] = set()
        for i, line in enumerate(lines):
            if line is not None:
                out[i] = next((p for p in found[i] if p[0] <= line <= p[1]), None)
                taken.add(line)
        hinted = [[p for p in places if any(p[0] <= h <= p[1] for h in hints)]
                  if lines[i] is None else [] for i, places in enumerate(found)]
        for i in sorted(range(len(quotes)), key=lambda i: (len(hinted[i]), i)):
            if not hinted[i]:
                continue
            free = [p for p in hinted[i]
                    if any(p[0] <= h <= p[1] and h not in taken for h in hints)]
            first, last = (free or hinted[i])[0]
            out[i] = first, last
            taken.update(h for h in hints if first <= h <= last)
        return out

    def closest(self, quote: str) -> Closest | None:
        """The passage most like a quote (3-grams vote for an alignment, difflib
        refines it), with the first difference; None when nothing is alike."""
        needle = normalise(quote)
        if not needle:
            return None
        k = min(3, len(needle))
        votes: Counter[int] = Counter()
        for i in range(len(needle) - k + 1):
            gram, seen = needle[i:i + k], 0
            pos = self.normal.find(gram)
            while pos != -1 and seen < 64:  # a gram found everywhere says nothing
                votes[pos - i] += 1
                seen += 1
                pos = self.normal.find(gram, pos + 1)
        if not votes:
            return None
        offset = votes.most_common(1)[0][0]
        margin = len(needle) // 2 + 8
        lo = max(0, offset - margin)
        window = self.normal[lo:offset + len(needle) + margin]
        matcher = difflib.SequenceMatcher(None, needle, window, autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size]
        if sum(b.size for b in blocks) * 2 < len(needle):
            return None
        # The passage spans what the quote spans: unmatched ends of the quote stand
        # against as many characters of the archive.
        start = max(0, blocks[0].b - blocks[0].a)
        end = min(len(window), blocks[-1].b + blocks[-1].size
                  + len(needle) - blocks[-1].a - blocks[-1].size)
        passage = window[start:end]
        ops = difflib.SequenceMatcher(None, needle, passage, autojunk=False).get_opcodes()
        _tag, i1, i2, j1, j2 = next((op for op in ops if op[0] != "equal"),
                                   ("replace", 0, len(needle), 0, len(passage)))
        return Closest(line=self.line_at(lo + start + j1),
                       quoted=_excerpt(needle, i1, i2), printed=_excerpt(passage, j1, j2))
