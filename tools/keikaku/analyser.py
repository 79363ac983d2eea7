"""Morphological analysis for the wording lint: SudachiPy with sudachidict-core.

The dictionary is loaded once, lazily, on the first text not found in a cache; an
unchanged file is never analysed again. Its tokens are kept in memory for the process
and on disk in ``$XDG_CACHE_HOME/keikaku/wording/`` (one small file per file content,
keyed by the text and the analyser's versions), so a re-check after editing one file
analyses that file only and an unchanged plan does not load the dictionary at all.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
from importlib import metadata
from typing import Any, NamedTuple

# Bump when the segmentation (keikaku.prosetext) or the token record changes.
FORMAT = 1


class Token(NamedTuple):
    begin: int
    end: int
    surface: str
    normalized: str
    dictionary: str
    reading: str
    pos: str  # 品詞 (名詞, 動詞, 助詞, 補助記号, ...)
    pos2: str  # 品詞細分類 (普通名詞, 固有名詞, 格助詞, ...)


@functools.cache
def _versions() -> str:
    parts = [f"format={FORMAT}"]
    for dist in ("sudachipy", "sudachidict-core"):
        try:
            parts.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist}=none")
    return ";".join(parts)


@functools.cache
def _tokenizer() -> Any:
    from sudachipy import Dictionary, SplitMode

    fields = {"pos", "normalized_form", "dictionary_form", "reading_form"}
    return Dictionary(dict="core").tokenizer(mode=SplitMode.C, fields=fields)


_memory: dict[str, tuple[tuple[Token, ...], ...]] = {}  # by file (its texts)
_texts: dict[str, tuple[Token, ...]] = {}  # by text: a line repeated across files


def _analyse(texts: list[str]) -> tuple[tuple[Token, ...], ...]:
    out = []
    for text in texts:
        tokens = _texts.get(text)
        if tokens is None:
            found = []
            for m in _tokenizer().tokenize(text) if text else ():
                pos = m.part_of_speech()
                found.append(Token(m.begin(), m.end(), m.surface(), m.normalized_form(),
                                   m.dictionary_form(), m.reading_form(), pos[0], pos[1]))
            tokens = _texts[text] = tuple(found)
        out.append(tokens)
    return tuple(out)


def _key(texts: list[str]) -> str:
    digest = hashlib.sha256(_versions().encode())
    for text in texts:
        digest.update(b"\0" + text.encode())
    return digest.hexdigest()[:32]


def analyse_file(texts: list[str]) -> tuple[tuple[Token, ...], ...]:
    """The tokens of each text of one file (its segments, in order)."""
    from .cache import cache_dir

    key = _key(texts)
    hit = _memory.get(key)
    if hit is not None:
        return hit
    path = cache_dir() / "wording" / f"{key}.pickle"
    try:
        with path.open("rb") as f:
            tokens = pickle.load(f)
        if isinstance(tokens, tuple) and len(tokens) == len(texts):
            _memory[key] = tokens
            return tokens
    except Exception:  # a missing or unreadable cache entry is a miss
        pass
    tokens = _analyse(texts)
    _memory[key] = tokens
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{id(tokens)}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(tokens, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a cache that cannot be written only costs time
    return tokens
