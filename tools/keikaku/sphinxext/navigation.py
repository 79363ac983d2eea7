"""The sidebar's navigation, resolved once per position in the plan, not once per page.

The theme draws the sidebar of every page with ``toctree()``, which asks Sphinx for
the global toctree as seen from that page: the whole tree (every measure page) is
copied, marked and pruned for each page, so a plan of N measures costs N² (64% of a
1,000-measure build). Yet the sidebar shows the tree only to the depth of the root's
toctrees, and the measure pages lie deeper: every measure of the same toctree, in
the same folder, gets the same sidebar (its ancestors marked current, itself not
shown). So a page's sidebar is cached under where it stands — its folder and the
toctrees that list it — unless the sidebar shows a link to the page itself (then it
is that page's own, and rendered for it alone). The HTML is the one Sphinx draws;
the current page stays marked in HTML, without script.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment.adapters.toctree import global_toctree_for_doc

Key = tuple[Any, ...]


class SidebarCache:
    """The rendered sidebars of one builder, by position in the toctrees."""

    def __init__(self, builder: StandaloneHTMLBuilder) -> None:
        self.builder = builder
        self.rendered: dict[Key, str] = {}
        self.places = _places(builder)
        self.renders = 0  # how many times Sphinx resolved the global toctree (tests)

    def toctree(self, pagename: str, collapse: bool = True, **kwargs: Any) -> str:
        """What ``StandaloneHTMLBuilder._get_local_toctree`` returns, from the cache
        when another page of the same place has had its sidebar drawn."""
        if "includehidden" not in kwargs:
            kwargs["includehidden"] = False
        if kwargs.get("maxdepth") == "":
            kwargs.pop("maxdepth")
        place = self.places.get(pagename)
        key = None if place is None else (
            posixpath.dirname(pagename), place, collapse, tuple(sorted(kwargs.items())))
        if key is not None and key in self.rendered:
            return self.rendered[key]
        builder = self.builder
        tree = global_toctree_for_doc(builder.env, pagename, builder, tags=builder.tags,
                                      collapse=collapse, **kwargs)
        self.renders += 1
        html = builder.render_partial(tree)["fragment"] if tree is not None else ""
        if key is not None and not _links_to_itself(tree):
            self.rendered[key] = html
        return html


def _places(builder: StandaloneHTMLBuilder) -> dict[str, tuple[tuple[str, int], ...]]:
    """For each page, the toctrees that list it: (parent page, toctree's index in it)."""
    places: dict[str, list[tuple[str, int]]] = {}
    for parent in sorted(builder.env.tocs):
        for i, toctree in enumerate(builder.env.tocs[parent].findall(addnodes.toctree)):
            for _title, ref in toctree["entries"]:
                places.setdefault(ref, []).append((parent, i))
    return {doc: tuple(p) for doc, p in places.items()}


def _links_to_itself(tree: nodes.Element | None) -> bool:
    """Whether the sidebar shows the page's own entry (a link to the page or to one of
    its sections): then the sidebar is that page's alone."""
    if tree is None:
        return False
    return any(not ref.get("refuri", "x") or ref["refuri"].startswith("#")
               for ref in tree.findall(nodes.reference))


def draws_sidebar_as_html(builder: Any) -> bool:
    """Whether the builder draws a page's sidebar as the HTML builder does (not the
    single-page builders, whose toctree is another)."""
    return isinstance(builder, StandaloneHTMLBuilder) and (
        type(builder)._get_local_toctree is StandaloneHTMLBuilder._get_local_toctree)


def cached_toctree(builder: StandaloneHTMLBuilder, pagename: str) -> Callable[..., str]:
    """The ``toctree`` of a page's template context, drawn from the builder's cache."""
    cache = getattr(builder, "_keikaku_sidebars", None)
    if cache is None:
        cache = SidebarCache(builder)
        builder._keikaku_sidebars = cache  # type: ignore[attr-defined]
    return lambda *args, **kwargs: cache.toctree(pagename, *args, **kwargs)


def reset(app: Any, builder: Any) -> None:
    """A new build (or a new writing phase) starts without the previous one's sidebars."""
    if hasattr(builder, "_keikaku_sidebars"):
        del builder._keikaku_sidebars
