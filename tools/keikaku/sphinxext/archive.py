"""The archived source as a page of the site, and links from quotes to its lines.

``{source-archive}`` renders the provenance (docs/source/provenance.yaml) and the text
of the archive, one list item per line with the anchor ``L<n>``; the page is an
orphan (linked from the errata, in no toctree), so the PDF leaves it out, and it is
not indexed for search (the plan's pages are what a search should find). The text
file itself is copied beside the page for download. ``source_link`` makes the
「原文 744行」 link of a quote; in the PDF, where the page does not exist, it is text.
"""

from __future__ import annotations

import html
import posixpath
import shutil
from pathlib import Path, PurePosixPath

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ..archive import Archive
from .rawguard import generated_raw
from .state import result_for
from .tables import Cell, Span, table
from .texts import site_lang, site_list, site_text

SOURCE_LINK = "keikaku-source-link"


def archive_docname(archive: Archive) -> str:
    """The page of the archive: the text file's path without its suffix."""
    return str(PurePosixPath(archive.rel).with_suffix(""))


def note_archive_dependencies(directive: SphinxDirective, archive: Archive) -> None:
    root = result_for(directive.env).root
    directive.env.note_dependency(str(root / archive.rel))
    directive.env.note_dependency(str(root / PurePosixPath(archive.rel).parent
                                      / "provenance.yaml"))


def lines_label(first: int, last: int, lang: str = "ja") -> str:
    return (site_text("source-line", lang, line=first) if first == last
            else site_text("source-lines", lang, first=first, last=last))


def archive_link(archive: Archive, fromdoc: str, text: str, line: int | None = None,
                 title: str | None = None) -> nodes.reference:
    """A link to the archive's page (to a line of it); text only in the PDF."""
    uri = posixpath.relpath(archive_docname(archive), posixpath.dirname(fromdoc) or ".")
    anchor = f"#L{line}" if line else ""
    ref = nodes.reference("", text, refuri=f"{uri}.html{anchor}", classes=[SOURCE_LINK])
    if title:
        ref["reftitle"] = title
    return ref


def source_link(archive: Archive, fromdoc: str, first: int, last: int,
                lang: str = "ja") -> nodes.reference:
    """「原文 744行」, linked to the line on the archive's page."""
    label = lines_label(first, last, lang)
    return archive_link(archive, fromdoc, label, first,
                        site_text("source-link-title", lang, label=label))


def unlink_sources_outside_html(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """The PDF has no page of the archive: a quote's line stays as text there."""
    if app.builder.name == "html":
        return
    for ref in list(doctree.findall(nodes.reference)):
        if SOURCE_LINK in ref["classes"]:
            ref.replace_self(nodes.inline(ref.astext(), ref.astext(), classes=[SOURCE_LINK]))


def copy_archive_text(app: Sphinx, exception: Exception | None) -> None:
    """The archived text file, downloadable beside its page."""
    if exception is not None or app.builder.name != "html":
        return
    archive = result_for(app.env).archive
    if archive is None:
        return
    target = Path(app.outdir) / archive.rel
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(result_for(app.env).root / archive.rel, target)


def _text_html(archive: Archive, redacted: set[int], lang: str) -> str:
    items = []
    for n, line in enumerate(archive.lines, start=1):
        cls = ' class="keikaku-redacted"' if n in redacted else ""
        items.append(f'<li id="L{n}"{cls}>{html.escape(line)}</li>')
    label = html.escape(site_text("archive-text-label", lang), quote=True)
    return (f'<ol class="keikaku-source-text" aria-label="{label}">'
            + "".join(items) + "</ol>\n")


class SourceArchive(SphinxDirective):
    """``{source-archive}``: the provenance and the text of the archived source."""

    def run(self) -> list[nodes.Node]:
        result = result_for(self.env)
        archive = result.archive
        if archive is None:
            raise self.error("no archived source: docs/source/provenance.yaml is missing "
                             "or has problems (keikaku check)")
        note_archive_dependencies(self, archive)
        lang = site_lang(self)
        prov = archive.provenance
        red = prov["redacted"]
        redacted = {n for g in red["groups"] for n in g["lines"]}
        name = PurePosixPath(archive.rel).name
        download = nodes.reference("", name, refuri=name, classes=["keikaku-download"])
        groups = nodes.bullet_list()
        for g in red["groups"]:
            item = nodes.list_item()
            item += nodes.paragraph(text=site_text(
                "archive-redacted-lines", lang, what=g["what"],
                lines=site_list(map(str, g["lines"]), lang)))
            groups += item
        rows: list[list[Cell | Span]] = [
            [site_text("archive-title", lang), prov["title"]],
            [site_text("archive-origin", lang), prov["origin"]],
            [site_text("archive-file", lang), [nodes.paragraph("", "", download)]],
            [site_text("archive-lines", lang),
             site_text("archive-line-count", lang, n=prov["archive"]["lines"])],
            [site_text("archive-sha-original", lang),
             nodes.literal(text=prov["original"]["sha256"])],
            [site_text("archive-sha-record", lang),
             nodes.literal(text=prov["archive"]["sha256"])],
            [site_text("archive-redacted", lang), [nodes.paragraph(
                text=site_text("archive-redacted-text", lang, marker=red["marker"],
                               reason=red["reason"])),
                groups]],
        ]
        out: list[nodes.Node] = [table([2, 8], rows, classes=["keikaku-provenance"],
                                       stub_columns=1,
                                       caption=site_text("archive-caption", lang))]
        out.append(generated_raw(_text_html(archive, redacted, lang)))
        return out

