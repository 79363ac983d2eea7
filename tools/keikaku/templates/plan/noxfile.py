"""Sessions of this plan's repository.

    nox -s build      # the site (_build/html) and the PDF (_build/pdf), from the data
    nox -s tests      # the plan's standing tests: keikaku check, export, site build
    nox -s check      # keikaku check
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nox

nox.options.sessions = ["tests"]
nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = True

ROOT = Path(__file__).parent
BUILD = ROOT / "_build"
SPHINX = ["sphinx-build", "-nW", "--keep-going", "-q"]


def install(session: nox.Session) -> None:
    """This plan's dependencies (pyproject.toml): keikaku and what it builds with.
    KEIKAKU_PACKAGE may name where to install keikaku from (a folder, a wheel, a URL)."""
    if os.environ.get("KEIKAKU_PACKAGE"):
        session.install(f"{os.environ['KEIKAKU_PACKAGE']}[docs]")
    session.install("-e", ".")


@nox.session
def build(session: nox.Session) -> None:
    """Build the HTML site and the A4 PDF into _build/ (warnings are errors)."""
    install(session)
    session.run(*SPHINX, "-b", "keikakupdf", ".", str(BUILD / "pdf"))
    session.run(*SPHINX, "-b", "html", ".", str(BUILD / "html"))
    pdf = next((BUILD / "pdf").glob("*.pdf"))
    shutil.copy2(pdf, BUILD / "html" / "data" / pdf.name)
    session.log(f"HTML: {BUILD / 'html' / 'index.html'}")
    session.log(f"PDF:  {pdf}")


@nox.session
def tests(session: nox.Session) -> None:
    """keikaku's standing tests of a plan, then this plan's own tests (tests/)."""
    install(session)
    session.run("pytest", "--pyargs", "keikaku.plan_tests", *session.posargs)
    if any((ROOT / "tests").glob("test_*.py")):
        session.run("pytest", "tests", *session.posargs)


@nox.session
def check(session: nox.Session) -> None:
    """Run keikaku check on the plan."""
    install(session)
    session.run("keikaku", "check", ".")
