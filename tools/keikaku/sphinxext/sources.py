"""Pages generated from data when Sphinx reads them (``source-read``).

- A measure file (``measures/<id>.md``) keeps data in its front matter and prose
  in its body; its page is the title and the card, generated from both.
- A ``{direction-chapters}`` block expands into the chapters of Ⅳ: for each
  area, field and direction a real heading (so the table of contents, the PDF
  bookmarks and the numbering come from the structure), the 協定の内容, and a
  toctree of the direction's measure pages.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx

from ..model import Measure, Plan
from .markup import measure_docname
from .state import result_for
from .texts import site_lang, site_text

FULL = str.maketrans("0123456789", "０１２３４５６７８９")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
TOCTREE = re.compile(r"^```\{toctree\}.*?^```[ \t]*$", re.MULTILINE | re.DOTALL)
CHAPTERS = re.compile(r"^```\{direction-chapters\}[ \t]*\n```[ \t]*$", re.MULTILINE)


def full(n: int) -> str:
    return str(n).translate(FULL)


_BY_PATH: list[tuple[Plan, dict[Path, Measure]]] = []  # the last plan's measures by file


def _measure_at(plan: Plan, path: Path) -> Measure | None:
    """The measure read from ``path`` (resolved): the index is made once per plan, not
    once per page (a scan per page made a build of N measures cost N²)."""
    if not _BY_PATH or _BY_PATH[0][0] is not plan:
        _BY_PATH[:] = [(plan, {m.doc.path.resolve(): m for m in plan.measures})]
    return _BY_PATH[0][1].get(path)


def measure_page(plan: Plan | None, srcdir: Path, docname: str, lang: str = "ja") -> str:
    path = (srcdir / f"{docname}.md").resolve()
    m = None if plan is None else _measure_at(plan, path)
    if m is None:
        return (f"# {Path(docname).name}\n\n```{{warning}}\n"
                f"{site_text('measure-page-error', lang)}\n```\n")
    heading = site_text("kpi-charts-heading", lang)
    charts = f"## {heading}\n\n```{{kpi-charts}} {m.id}\n```\n\n" if m.kpis else ""
    return (f"({m.id})=\n# {m.number}　{m.name}\n\n```{{measure-card}} {m.id}\n```\n\n"
            f"{charts}"
            f"```{{measure-errata}} {m.id}\n```\n\n"
            f"```{{measure-comments}} {m.id}\n```\n")


def direction_chapters(plan: Plan, lang: str = "ja") -> str:
    out: list[str] = []
    for area in plan.areas:
        heading = site_text("chapter-area", lang, index=full(area.index), name=area.name)
        out.append(f"## {heading}\n")
        for field in area.fields:
            heading = site_text("chapter-field", lang, index=full(field.index), name=field.name)
            out.append(f"### {heading}\n")
            for d, measures in plan.groups(field):
                if d is not None:
                    heading = site_text("chapter-direction", lang, mark=CIRCLED[d.index - 1],
                                        name=d.name)
                    out.append(f"#### {heading}\n")
                    out.append(f"```{{agreement}} {d.id}\n```\n")
                if measures:
                    entries = "\n".join("/" + measure_docname(m.id) for m in measures)
                    out.append(f"```{{toctree}}\n:maxdepth: 1\n\n{entries}\n```\n")
    return "\n".join(out)


def unavailable_page(text: str, message: str, lang: str = "ja") -> str:
    """A page's title and a warning, when the plan it renders could not be loaded."""
    title = next((line for line in text.split("\n") if line.startswith("# ")),
                 f"# {site_text('plan-unavailable', lang)}")
    toctrees = "\n".join(TOCTREE.findall(text))  # the site keeps its structure
    return f"{title}\n\n```{{warning}}\n{message}\n```\n\n{toctrees}\n"


def _rel(app: Sphinx, docname: str) -> str:
    """The path of a page relative to the plan's root."""
    try:
        return Path(app.env.doc2path(docname)).resolve().relative_to(
            result_for(app.env).root).as_posix()
    except ValueError:
        return ""


def _refused(app: Sphinx, docname: str) -> bool:
    """Whether keikaku refused the page's file; a page outside index.md and docs/ (which
    keikaku does not read) is read here with the same limits, and its problems warned."""
    result, rel = result_for(app.env), _rel(app, docname)
    if rel in result.pages:
        return rel in result.unread_pages
    from ..load import read_page
    from ..problems import Problem
    from .state import warn

    problems: list[Problem] = []
    doc = read_page(Path(app.env.doc2path(docname)), rel or docname, problems)
    for p in problems:
        warn(app, p)
    return not doc.ok


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    result = result_for(app.env)
    if result.plan is None:  # every page says why, and no directive needs the plan
        from ..messages import render

        source[0] = unavailable_page(source[0], render(
            "sphinx-no-plan", app.config.keikaku_lang, root=result.root,
            count=len(result.errors)), site_lang(app))
    elif docname.startswith("measures/"):
        source[0] = measure_page(result.plan, Path(app.srcdir), docname, site_lang(app))
    elif _refused(app, docname):
        # keikaku refused the file (too large, YAML anchors in its front matter, ...):
        # MyST does not parse it either (its front matter would be expanded).
        from ..messages import render

        source[0] = unavailable_page(source[0][:10_000], render(
            "sphinx-page-unread", app.config.keikaku_lang, file=_rel(app, docname)),
            site_lang(app))
    elif CHAPTERS.search(source[0]) and result.plan is not None:
        lang = site_lang(app)
        source[0] = CHAPTERS.sub(lambda _: direction_chapters(result.plan, lang), source[0])
