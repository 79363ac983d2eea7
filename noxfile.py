"""Sessions of the keikaku repository. Versions are pinned in constraints.txt.

    nox -s build      # the site (_build/html) and the PDF (_build/pdf), from the data
    nox -s tests      # lint, every test (rules, site build, PDF, browser if present), then
                      # keikaku's standing tests of a plan (keikaku.plan_tests) on this one
    nox -s check      # keikaku check on the repository
    nox -s bench      # the benchmarks of docs/benchmarks.md
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nox

nox.options.sessions = ["tests"]
nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = True

ROOT = Path(__file__).parent
BUILD = ROOT / "_build"
SPHINX = ["sphinx-build", "-nW", "--keep-going", "-q"]


def install(session: nox.Session, extra: str) -> None:
    session.install("-c", "constraints.txt", "-e", f".[{extra}]")


@nox.session
def build(session: nox.Session) -> None:
    """Build the HTML site and the A4 PDF into _build/ (warnings are errors)."""
    install(session, "docs")
    session.run(*SPHINX, "-b", "keikakupdf", ".", str(BUILD / "pdf"))
    session.run(*SPHINX, "-j", "auto", "-b", "html", ".", str(BUILD / "html"))
    pdf = next((BUILD / "pdf").glob("*.pdf"))
    shutil.copy2(pdf, BUILD / "html" / "data" / pdf.name)
    session.log(f"HTML: {BUILD / 'html' / 'index.html'}")
    session.log(f"PDF:  {pdf}")


@nox.session
def tests(session: nox.Session) -> None:
    """Lint with ruff, then run pytest (browser tests skip without Debian's chromium)."""
    install(session, "test")
    if shutil.which("npm"):  # axe-core for the accessibility check, pinned by its lock file
        session.run("npm", "ci", "--prefix", "tests/browser", "--no-audit", "--no-fund",
                    "--silent", external=True)
    else:
        session.log("npm not found: the accessibility check will be skipped")
    session.run("ruff", "check", "tools", "tests", "benchmarks", "noxfile.py", "conf.py")
    session.run("pytest", *session.posargs)
    # keikaku's standing tests of a plan, as any plan's repository runs them (its site build
    # included); the tests above are this plan's own.
    session.run("pytest", "--pyargs", "keikaku.plan_tests")


@nox.session
def check(session: nox.Session) -> None:
    """Run keikaku check on the repository."""
    install(session, "test")
    session.run("keikaku", "check", "--strict", ".")


@nox.session
def bench(session: nox.Session) -> None:
    """Run the benchmarks and print their figures (see docs/benchmarks.md)."""
    install(session, "test")
    session.run("python", "benchmarks/run.py", *session.posargs)
