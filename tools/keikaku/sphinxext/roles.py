"""``{value}`path[:digits]```: a number or name in prose, taken from the data."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from ..values import UnknownPath, resolve
from .state import plan_for


class ValueRole(SphinxRole):
    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        from sphinx.errors import ExtensionError

        try:
            plan = plan_for(self.env)
        except ExtensionError:
            if self.inliner.parent is not None and isinstance(self.inliner.parent, nodes.title):
                # a heading's role: the missing plan is reported by the page's directives
                return [nodes.inline(self.rawtext, self.text)], []
            raise
        try:
            text = resolve(plan, self.text)
        except (UnknownPath, LookupError):
            msg = self.inliner.reporter.error(
                f"unknown data reference {self.text!r} [keikaku.value-path]", line=self.lineno)
            prb = self.inliner.problematic(self.rawtext, self.rawtext, msg)
            return [prb], [msg]
        return [nodes.inline(text, text, classes=["keikaku-value"])], []
