"""Defence in depth: raw output reaches a page only from a file that allows it.

`keikaku check` reports raw HTML and raw directives (rule keikaku.raw-html); this
guard makes a build carry no script from content even when that report is ignored
(a build without -W, a draft preview with ``-D keikaku_strict=0``). Every ``raw``
node (HTML, LaTeX, any format) whose source file does not say
``allow_raw_html: true`` is removed, with a warning at its place:

- ``RawGuard``, a transform, cleans each page read (a MyST page, a measure page);
- ``drop_raw`` is also applied by ``markup.parse`` to the text of a measure
  rendered in its card, with that measure's own allowance, whatever page the
  card stands on.

HTML comments (which publish nothing) are kept, as the rule allows them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from docutils import nodes
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from ..messages import render
from ..rules.markup import comments_only, snippet
from .state import result_for

logger = logging.getLogger("keikaku")


def allows_raw(env: BuildEnvironment, source: str | None) -> bool:
    """Whether the file ``source`` (a path) allows raw HTML, as keikaku read it."""
    if not source:
        return False
    result = result_for(env)
    try:
        rel = Path(source).resolve().relative_to(result.root).as_posix()
    except ValueError:  # a file outside the plan (an include from elsewhere)
        return False
    return rel in result.raw_allowed


def _source(node: nodes.Node, default: str | None) -> str | None:
    while node is not None:
        if getattr(node, "source", None):
            return node.source
        node = node.parent
    return default


# Set on the raw nodes keikaku's own directives write (the archive's text, say): they
# come from the extension, not from content. Markup cannot set a node attribute.
GENERATED = "keikaku_generated"


def generated_raw(html: str) -> nodes.raw:
    """A raw HTML node written by the extension itself, which the guard lets through."""
    node = nodes.raw("", html, format="html")
    node[GENERATED] = True
    return node


def drop_raw(found: Iterable[nodes.Node], lang: str, keep=lambda node: False) -> list[nodes.Node]:
    """Remove each raw node under the nodes ``found`` (and any of them that is one)
    unless ``keep(node)`` or it holds nothing but HTML comments; warn at each. Returns
    the nodes of ``found`` that remain."""
    remaining = []
    for top in found:
        for node in list(top.findall(nodes.raw)):
            if node.get(GENERATED) or keep(node) or comments_only(node.astext()):
                continue
            logger.warning(render("sphinx-raw-dropped", lang, what=snippet(node.astext())),
                           location=node, type="keikaku", subtype="raw-html")
            if node is not top and node.parent is not None:
                node.parent.remove(node)
        if not (isinstance(top, nodes.raw) and not keep(top)
                and not comments_only(top.astext())):
            remaining.append(top)
    return remaining


class RawGuard(SphinxTransform):
    """Remove the raw nodes of a page whose source file does not allow them."""

    default_priority = 880  # after the directives' output is in the tree

    def apply(self, **kwargs: object) -> None:
        default = self.document.get("source")
        drop_raw([self.document], self.config.keikaku_lang,
                 keep=lambda node: allows_raw(self.env, _source(node, default)))
