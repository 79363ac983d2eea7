"""Plans at git revisions: the newest published tag, and a revision's files in a folder."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

PLAN_PATHS = ("measures", "docs", "schemas", "index.md")
PUBLISHED = "published/*"


class RevisionError(Exception):
    """A revision that git cannot give (unknown, not a repository, no published tag)."""


def _git(root: Path, *args: str) -> bytes:
    try:
        run = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise RevisionError("git is not installed") from exc
    if run.returncode != 0:
        raise RevisionError(run.stderr.decode("utf-8", "replace").strip())
    return run.stdout


def newest_published(root: Path) -> str:
    """The newest tag named published/*, by the date of its commit."""
    out = _git(root, "tag", "--list", PUBLISHED, "--sort=-creatordate").decode().split()
    if not out:
        raise RevisionError(f"no tag matches {PUBLISHED}")
    return out[0]


def toplevel(root: Path) -> Path:
    return Path(_git(root, "rev-parse", "--show-toplevel").decode().strip())


def materialize(root: Path, revision: str, dest: Path) -> Path:
    """Write the plan files of ``revision`` under ``dest`` (nothing in ``root`` changes)."""
    top = toplevel(root)
    prefix = root.resolve().relative_to(top.resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    listed = _git(top, "ls-tree", "--name-only", revision, *(prefix + p for p in PLAN_PATHS))
    paths = [p for p in listed.decode().split("\n") if p]
    if not paths:
        raise RevisionError(f"{revision} holds no plan under {prefix or '.'}")
    data = _git(top, "archive", "--format=tar", revision, *paths)
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        for member in tar.getmembers():
            if not member.isfile():
                continue
            rel = member.name[len(prefix):]
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            extracted = tar.extractfile(member)
            if extracted is not None:
                target.write_bytes(extracted.read())
    return dest
