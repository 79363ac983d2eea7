"""Morphological analysis for the wording lint: SudachiPy with sudachidict-core.

The dictionary is loaded once, lazily, on the first text found in no cache (about
0.1 s); an unchanged file is never analysed again. Tokens are kept in memory for the
process, and on disk in ``$XDG_CACHE_HOME/keikaku/wording/`` as one file per plan
holding the tokens of each file's text (keyed by that text and the analyser's
versions): a re-check after editing one file analyses that file only.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
from importlib import metadata
from pathlib import Path
from typing import Any

# Bump when the segmentation (keikaku.prosetext) or the token record changes.
FORMAT = 2


# A token is a plain tuple (cheap to pickle and to load):
# (begin, end, surface, normalized form, reading, 品詞, 品詞細分類), indexed by these.
BEGIN, END, SURFACE, NORMALIZED, READING, POS, POS2 = range(7)
Token = tuple[int, int, str, str, str, str, str]


Tokens = tuple[tuple[Token, ...], ...]  # one tuple of tokens per text of a file


@functools.cache
def versions() -> str:
    parts = [f"format={FORMAT}"]
    for dist in ("sudachipy", "sudachidict-core"):
        try:
            parts.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist}=none")
    return ";".join(parts)


@functools.cache
def _dictionary() -> Any:
    from sudachipy import Dictionary

    return Dictionary(dict="core")


@functools.cache
def _tokenizer() -> Any:
    from sudachipy import SplitMode

    fields = {"pos", "normalized_form", "reading_form"}
    return _dictionary().tokenizer(mode=SplitMode.C, fields=fields)


@functools.cache
def _pos(pos_id: int) -> tuple[str, str]:
    pos = _dictionary().pos_of(pos_id)
    return pos[0], pos[1]


_texts: dict[str, tuple[Token, ...]] = {}  # by text, for the process
# SudachiPy refuses an input over 49,149 bytes: a longer text (no real line is) is
# analysed in pieces of this many characters (4 bytes each at most), cut anywhere.
CHUNK = 12_000


def analyse(text: str) -> tuple[Token, ...]:
    tokens = _texts.get(text)
    if tokens is None:
        found = []
        for start in range(0, len(text), CHUNK):
            piece = text[start:start + CHUNK]
            for m in _tokenizer().tokenize(piece):
                b, e = start + m.begin(), start + m.end()
                found.append((b, e, text[b:e], m.normalized_form(), m.reading_form(),
                              *_pos(m.part_of_speech_id())))
        tokens = _texts[text] = tuple(found)
    return tokens


def _key(texts: list[str]) -> str:
    digest = hashlib.sha256(versions().encode())
    for text in texts:
        digest.update(b"\0" + text.encode())
    return digest.hexdigest()[:32]


class Cache:
    """The tokens of a plan's files, read from disk once and written back once."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.stored: dict[str, Tokens] = {}
        self.used: dict[str, Tokens] = {}
        if path is not None:
            try:
                with path.open("rb") as f:
                    stored = pickle.load(f)
                if isinstance(stored, dict):
                    self.stored = stored
            except Exception:  # a missing or unreadable cache is a miss
                pass

    def analyse_file(self, texts: list[str]) -> Tokens:
        """The tokens of each text of one file (its segments, in order)."""
        key = _key(texts)
        tokens = self.stored.get(key)
        if tokens is None or len(tokens) != len(texts):
            tokens = tuple(analyse(t) for t in texts)
        self.used[key] = tokens
        return tokens

    def save(self) -> None:
        """Keep the tokens of this check's files (and only those) for the next one."""
        if self.path is None or self.used.keys() == self.stored.keys():
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as f:
                pickle.dump(self.used, f, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(self.path)
        except OSError:
            pass  # a cache that cannot be written only costs time


def cache_for(root: Path) -> Cache:
    from .cache import cache_dir

    name = hashlib.sha256(str(root).encode()).hexdigest()[:24]
    return Cache(cache_dir() / "wording" / f"{name}.pickle")
