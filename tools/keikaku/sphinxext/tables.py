"""Small builders of docutils tables, so directives describe content, not node plumbing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from docutils import nodes

Cell = str | nodes.Node | Sequence[nodes.Node] | None


class attributed_entry(nodes.entry):  # lower case, as docutils names nodes
    """A table cell with HTML attributes that docutils has no place for (``scope``,
    ``data-label``); builders other than HTML render it as a plain entry."""


def visit_attributed_entry(self, node: attributed_entry) -> None:
    self.visit_entry(node)
    tag = self.body[-1]
    assert tag.endswith(">"), tag
    extra = "".join(f' {name}="{self.attval(value)}"'
                    for name, value in node["attributes"].items())
    self.body[-1] = tag[:-1] + extra + ">"


def depart_attributed_entry(self, node: attributed_entry) -> None:
    self.depart_entry(node)


def _entry(cell: Cell, classes: Sequence[str] = (), morerows: int = 0,
           morecols: int = 0, attributes: Mapping[str, str] | None = None) -> nodes.entry:
    entry = attributed_entry(classes=list(classes), attributes=dict(attributes)) \
        if attributes else nodes.entry(classes=list(classes))
    if morerows:
        entry["morerows"] = morerows
    if morecols:
        entry["morecols"] = morecols
    if cell is None:
        return entry
    if isinstance(cell, str):
        entry += nodes.paragraph(text=cell)
    elif isinstance(cell, nodes.Node):
        entry += cell if not isinstance(cell, nodes.Text | nodes.inline | nodes.reference) \
            else nodes.paragraph("", "", cell)
    else:
        entry.extend(cell)
    return entry


class Span:
    """A cell that spans ``rows`` x ``cols``; the covered cells are left out of later rows.
    ``attributes`` are HTML attributes of the cell (``data-label``)."""

    def __init__(self, cell: Cell, rows: int = 1, cols: int = 1,
                 classes: Sequence[str] = (),
                 attributes: Mapping[str, str] | None = None) -> None:
        self.cell, self.rows, self.cols, self.classes = cell, rows, cols, classes
        self.attributes = dict(attributes or {})


def table(
    widths: Sequence[int],
    rows: Sequence[Sequence[Cell | Span]],
    header: Sequence[Sequence[Cell | Span]] = (),
    classes: Sequence[str] = (),
    caption: str | None = None,
    stub_columns: int = 0,
    numeric_from: int | None = None,
    scopes: bool = False,
) -> nodes.table:
    """A table; ``numeric_from`` right-aligns body cells from that column on; ``scopes``
    gives header cells ``scope="col"`` and stub cells ``scope="row"`` (HTML)."""
    tbl = nodes.table(classes=["keikaku-table", *classes])
    if caption:
        tbl += nodes.title(text=caption)
    group = nodes.tgroup(cols=len(widths))
    tbl += group
    for i, width in enumerate(widths):
        spec = nodes.colspec(colwidth=width)
        if i < stub_columns:
            spec["stub"] = 1
        group += spec

    def make_row(cells: Sequence[Cell | Span], body: bool) -> nodes.row:
        row = nodes.row()
        for i, cell in enumerate(cells):
            span = cell if isinstance(cell, Span) else Span(cell)
            cls = list(span.classes)
            if body and numeric_from is not None and i >= numeric_from:
                cls.append("num")
            attributes = dict(span.attributes)
            if scopes and not body:
                attributes.setdefault("scope", "col")  # also over the columns it spans
            elif scopes and i < stub_columns:
                attributes.setdefault("scope", "row")
            row += _entry(span.cell, cls, span.rows - 1, span.cols - 1, attributes)
        return row

    if header:
        thead = nodes.thead()
        for cells in header:
            thead += make_row(cells, False)
        group += thead
    tbody = nodes.tbody()
    for cells in rows:
        tbody += make_row(cells, True)
    group += tbody
    return tbl
