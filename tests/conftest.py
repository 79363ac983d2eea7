"""Shared fixtures: the repository, disposable copies of the plan, and one site build."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PLAN_PARTS = ("docs", "measures", "schemas", "index.md", "conf.py")


def copy_plan(dest: Path) -> Path:
    """A copy of the plan (data, pages, schemas) to break without touching the repository."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PLAN_PARTS:
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("_build"))
        else:
            shutil.copy2(src, dest / part)
    return dest


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The check cache of the tests lives in a temporary folder, not in ~/.cache."""
    import os

    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def plan():
    """The repository's plan, as loaded by keikaku."""
    from keikaku.check import load_plan

    return load_plan(REPO).plan


@pytest.fixture
def plan_copy(tmp_path: Path) -> Path:
    return copy_plan(tmp_path / "plan")


def fontconfig_env(folder: Path, font_dirs: tuple[Path, ...] = ()) -> dict[str, str]:
    """The environment of a machine whose only fonts are in ``font_dirs`` (none: a
    machine with no fonts installed), whatever this machine has."""
    import os

    (folder / "none").mkdir(parents=True, exist_ok=True)
    dirs = "".join(f"<dir>{d}</dir>" for d in (folder / "none", *font_dirs))
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig>{dirs}<cachedir>{folder / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


def bundled_fonts_env(folder: Path) -> dict[str, str]:
    """A machine whose only fonts are the project's own (Noto Sans CJK JP from PyPI):
    the browser lays pages out the same on every machine."""
    from keikaku.sphinxext.fonts import bundled_fonts

    return fontconfig_env(folder, tuple(sorted({f.path.parent for f in bundled_fonts()})))


def sphinx_build(builder: str, out: Path, src: Path = REPO, env: dict[str, str] | None = None,
                 timeout: float | None = None) -> subprocess.CompletedProcess:
    """Build ``src`` with warnings as errors; ``timeout`` (s) raises TimeoutExpired."""
    return subprocess.run(
        # --no-color: a CI runner may ask for colour (FORCE_COLOR); messages are matched
        [sys.executable, "-m", "sphinx", "-nW", "--keep-going", "-q", "--no-color",
         "-b", builder, str(src), str(out)],
        capture_output=True, text=True, check=False, env=env, timeout=timeout,
    )


@pytest.fixture(scope="session")
def html_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once per test run with warnings as errors."""
    out = tmp_path_factory.mktemp("html")
    run = sphinx_build("html", out)
    assert run.returncode == 0, run.stderr
    return out


@pytest.fixture(scope="session")
def pdf_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The PDF, built once per test run, as on a machine with no fonts installed."""
    out = tmp_path_factory.mktemp("pdf")
    run = sphinx_build("keikakupdf", out, env=fontconfig_env(tmp_path_factory.mktemp("fonts")))
    assert run.returncode == 0, run.stderr
    return next(out.glob("*.pdf"))
