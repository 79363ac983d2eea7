"""The plan as the Sphinx build sees it: loaded once per build, shared by every directive."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..check import Result, load_plan
from ..model import Plan
from ..problems import Problem, Severity, strict

logger = logging.getLogger("keikaku")

_RESULTS: dict[str, Result] = {}


def plan_root(app: Sphinx) -> Path:
    root = app.config.keikaku_root
    return (Path(app.confdir) / root).resolve() if root else Path(app.confdir).resolve()


def load(app: Sphinx) -> Result:
    """Load and check the plan; every error becomes a Sphinx warning with its location.
    With ``keikaku_strict`` (a published plan's conf.py) the check is ``--strict``: a
    placeholder left (「未記入」) is an error, so ``-W`` stops the build."""
    root = plan_root(app)
    result = load_plan(root)
    if app.config.keikaku_strict:
        result.problems = strict(result.problems)
    _RESULTS[str(app.srcdir)] = result
    if result.plan is None:
        from ..messages import render

        logger.warning(render("sphinx-no-plan", app.config.keikaku_lang, root=root,
                              count=len(result.errors)), type="keikaku", subtype="plan")
    for p in result.problems:
        warn(app, p, root)
    return result


def warn(app: Sphinx, p: Problem, root: Path | None = None) -> None:
    """A problem as a Sphinx warning at its location (a warning of keikaku's: a message)."""
    root = root or result_for(app.env).root
    location = f"{root / p.file}:{p.line}" if p.line else str(root / p.file)
    if p.severity is Severity.ERROR:
        logger.warning("%s", p.message(app.config.keikaku_lang), location=location,
                       type="keikaku", subtype=p.code.split(".", 1)[1])
    else:
        logger.info("%s: %s [%s]", p.location(), p.message(app.config.keikaku_lang), p.code)


def result_for(env: BuildEnvironment) -> Result:
    return _RESULTS[str(env.srcdir)]


def plan_for(env: BuildEnvironment) -> Plan:
    """The plan, or a clear build error (no traceback) when it could not be loaded."""
    result = result_for(env)
    if result.plan is None:
        from sphinx.errors import ExtensionError

        from ..messages import render

        raise ExtensionError(render("sphinx-no-plan", env.config.keikaku_lang,
                                    root=result.root, count=len(result.errors)))
    return result.plan


def note_data_dependencies(env: BuildEnvironment, measures: bool = True) -> None:
    """Re-read the current page when the data it renders changes."""
    result = result_for(env)
    root = result.root
    for rel in ("docs/data/plan.yaml", "docs/data/structure.yaml",
                "docs/data/population.yaml", "docs/data/errata.yaml"):
        env.note_dependency(str(root / rel))
    if measures and result.plan is not None:
        for m in result.plan.measures:
            env.note_dependency(str(m.doc.path))
