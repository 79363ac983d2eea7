"""Python's cyclic garbage collector, set for a build of thousands of pages.

A Sphinx build makes millions of small objects (doctree nodes, pickled and unpickled
environments) and keeps most of them for the whole build. With Python's default
thresholds (700, 10, 10) the collector runs every 700 new objects and, every hundred
runs, walks the whole heap, which only grows: at 2,000 measures a one-measure rebuild
spent about a quarter of its time there and freed little (benchmarks/rebuild_phases.py).
So at builder-inited, once the plan is loaded, what exists is frozen (never walked
again: Sphinx, the extensions, the plan) and the collector runs less often. It still
runs, so the doctrees Sphinx drops (their nodes point to each other) are freed, but
later: the build's peak memory grows (docs/benchmarks.md measures both). A plan's
``conf.py`` (or ``-D keikaku_gc_tuning=0``) turns this off with
``keikaku_gc_tuning = False``.
"""

from __future__ import annotations

import gc

from sphinx.application import Sphinx

# (young, middle, old) thresholds for a build: a collection of the youngest objects
# every 50,000 new objects rather than 700, and of the middle ones every 20 of those.
BUILD_THRESHOLDS = (50_000, 20, 10)


def tune(app: Sphinx | None = None) -> None:
    """Freeze what exists and raise the thresholds, unless the plan's configuration
    says not to or the process set its own."""
    if app is not None and not app.config.keikaku_gc_tuning:
        return
    if gc.get_threshold() != (700, 10, 10) or not gc.isenabled():
        return  # a program (or a person) chose its own setting: keep it
    gc.freeze()
    gc.set_threshold(*BUILD_THRESHOLDS)
