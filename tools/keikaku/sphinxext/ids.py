"""Unique, stable section ids.

Docutils names a section after its title; a Japanese title gives no ASCII
slug, so sections become ``id1``, ``id2``… in every page, and they collide
when the pages are joined into one (singlehtml, hence the PDF: wrong table of
contents page numbers and bookmarks). This transform renames such ids to
``<docname>-s<n>``, unique across the site.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.transforms import SphinxTransform

AUTO_ID = re.compile(r"^id\d+$")


class UniqueSectionIds(SphinxTransform):
    # After the reference transforms, before DoctreeReadEvent (880) collects the TOC.
    default_priority = 870

    def apply(self, **kwargs: object) -> None:
        prefix = re.sub(r"[^a-z0-9]+", "-", self.env.docname.lower()).strip("-")
        for n, section in enumerate(self.document.findall(nodes.section), start=1):
            ids = section["ids"]
            for i, old in enumerate(ids):
                if AUTO_ID.match(old):
                    new = f"{prefix}-s{n}"
                    ids[i] = new
                    self.document.ids.pop(old, None)
                    self.document.ids[new] = section
