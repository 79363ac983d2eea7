"""Where the time of a rebuild goes: one Sphinx build, in this process and serially
(``-j 1``), timed at its events.

    python benchmarks/rebuild_phases.py SRC OUT

Prints JSON: the seconds from the start of the process to the end of each phase
(start-up, the plan's check, reading each page, writing each page, the final steps),
so that the figures of docs/benchmarks.md say which pages a one-measure edit
rebuilds and what each costs. Run by ``benchmarks/run.py`` after its edits.
"""

from __future__ import annotations

import json
import sys
import time

START = time.perf_counter()


def main(src: str, out: str) -> None:
    from sphinx.application import Sphinx

    from keikaku.sphinxext import state

    marks: list[tuple[str, str, float]] = []  # (phase, page, seconds since start)

    def mark(phase: str, page: str = "") -> None:
        marks.append((phase, page, time.perf_counter() - START))

    check = state.load_plan

    def timed_check(root):  # type: ignore[no-untyped-def]
        mark("start-up")
        result = check(root)
        mark("check")
        return result

    state.load_plan = timed_check  # the plan's check at builder-inited
    app = Sphinx(src, src, out, f"{out}/.doctrees", "html", status=None, warning=sys.stderr,
                 parallel=1, keep_going=True)
    app.connect("env-before-read-docs", lambda *_: mark("environment"))
    app.connect("doctree-read", lambda a, _: mark("read", a.env.docname))
    app.connect("write-started", lambda *_: mark("consistency"))
    write_doc = app.builder.write_doc

    def timed_write(docname, doctree):  # type: ignore[no-untyped-def]
        write_doc(docname, doctree)  # the page's HTML, sidebar included
        mark("write", docname)

    app.builder.write_doc = timed_write  # type: ignore[method-assign]
    app.connect("build-finished", lambda *_: mark("finish"))
    app.build()
    mark("end")
    print(json.dumps(marks, ensure_ascii=False))


if __name__ == "__main__":
    main(*sys.argv[1:3])
