"""A cache of `keikaku check` results, so that re-checking an unchanged plan is instant.

The key is a fingerprint of every input (path, size and modification time of
each file the check reads, and the keikaku version); any change, anywhere,
means a full check. The cache lives outside the repository, in
``$XDG_CACHE_HOME/keikaku`` (default ``~/.cache/keikaku``), one file per plan.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path

from . import __version__
from .problems import Problem

INPUTS = ("measures", "docs", "schemas")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "keikaku"


def _walk(path: Path, out: list[tuple[str, int, int]]) -> None:
    try:
        entries = list(os.scandir(path))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith((".", "_")):
            continue
        if entry.is_dir(follow_symlinks=False):
            _walk(Path(entry.path), out)
        else:
            st = entry.stat()
            out.append((entry.path, st.st_size, st.st_mtime_ns))


def fingerprint(root: Path) -> str:
    files: list[tuple[str, int, int]] = []
    for name in INPUTS:
        _walk(root / name, files)
    index = root / "index.md"
    if index.exists():
        st = index.stat()
        files.append((str(index), st.st_size, st.st_mtime_ns))
    files.sort()
    digest = hashlib.sha256(f"{__version__}|{sys.version}|{root}".encode())
    for item in files:
        digest.update(repr(item).encode())
    return digest.hexdigest()


def _path(root: Path) -> Path:
    return cache_dir() / (hashlib.sha256(str(root).encode()).hexdigest()[:24] + ".pickle")


def read(root: Path, key: str) -> tuple[list[Problem], int, int] | None:
    """(problems, files, unchecked files) of the last check, if the inputs are the same."""
    try:
        with _path(root).open("rb") as f:
            stored_key, problems, files, unchecked = pickle.load(f)
    except Exception:  # a missing or stale cache is just a miss
        return None
    return (problems, files, unchecked) if stored_key == key else None


def write(root: Path, key: str, problems: list[Problem], files: int, unchecked: int) -> None:
    try:
        path = _path(root)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as f:
            pickle.dump((key, problems, files, unchecked), f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a cache that cannot be written only costs time
