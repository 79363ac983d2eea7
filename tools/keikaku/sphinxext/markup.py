"""Parsing MyST text from data inside a directive, and cross-document links."""

from __future__ import annotations

from docutils import nodes
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective


def parse(directive: SphinxDirective, text: str, source: str = "",
          first_line: int | None = None, allow_raw: bool = True) -> list[nodes.Node]:
    """``text`` (MyST) parsed as if written where the directive stands. ``first_line``:
    the line of ``text`` in its file ``source``, for the locations of its nodes. Unless
    ``allow_raw`` (its file's allow_raw_html), raw output in it is removed (rawguard)."""
    container = nodes.container()
    lines = StringList(text.split("\n"), source=source or directive.get_source_info()[0])
    offset = directive.content_offset
    base = getattr(directive.state, "_lineno", None)  # MyST: lines count from the directive
    if first_line is not None and isinstance(base, int):
        offset = first_line - 1 - base
    directive.state.nested_parse(lines, offset, container)
    children = list(container.children)
    if not allow_raw:
        from .rawguard import drop_raw

        children = drop_raw(children, directive.config.keikaku_lang)
    return children


def doc_link(docname: str, text: str, refdoc: str) -> addnodes.pending_xref:
    """A link to another page, resolved (and checked by -n) when the site is written."""
    ref = addnodes.pending_xref(
        "", refdomain="std", reftype="doc", reftarget="/" + docname, refexplicit=True,
        refwarn=True, refdoc=refdoc,
    )
    ref += nodes.inline(text, text)
    return ref


def measure_docname(measure_id: str) -> str:
    return f"measures/{measure_id}"


def paragraphs(text: str) -> list[nodes.Node]:
    """One paragraph per line of a multi-paragraph text from the data."""
    return [nodes.paragraph(text=p) for p in text.split("\n") if p.strip()]


def measure_link(number: int, name: str, measure_id: str, refdoc: str,
                 text: str | None = None) -> nodes.paragraph:
    """「12　地域内発型産業創出事業」 with the name linked to the measure's page."""
    para = nodes.paragraph()
    para += nodes.Text(f"{number}　")
    para += doc_link(measure_docname(measure_id), text or name, refdoc)
    return para
