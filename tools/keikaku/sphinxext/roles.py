"""``{value}`path[:digits]```: a number or name in prose, taken from the data."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from ..values import UnknownPath, resolve
from .state import plan_for


class ValueRole(SphinxRole):
    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        try:
            text = resolve(plan_for(self.env), self.text)
        except (UnknownPath, LookupError):
            msg = self.inliner.reporter.error(
                f"unknown data reference {self.text!r} [keikaku.value-path]", line=self.lineno)
            prb = self.inliner.problematic(self.rawtext, self.rawtext, msg)
            return [prb], [msg]
        return [nodes.inline(text, text, classes=["keikaku-value"])], []
