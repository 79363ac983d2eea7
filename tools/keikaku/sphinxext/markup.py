"""Parsing MyST text from data inside a directive, and cross-document links."""

from __future__ import annotations

from docutils import nodes
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective


def parse(directive: SphinxDirective, text: str, source: str = "") -> list[nodes.Node]:
    """``text`` (MyST) parsed as if written where the directive stands."""
    container = nodes.container()
    lines = StringList(text.split("\n"), source=source or directive.get_source_info()[0])
    directive.state.nested_parse(lines, directive.content_offset, container)
    return list(container.children)


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
