"""Small builders of docutils tables, so directives describe content, not node plumbing."""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes

Cell = str | nodes.Node | Sequence[nodes.Node] | None


def _entry(cell: Cell, classes: Sequence[str] = (), morerows: int = 0,
           morecols: int = 0) -> nodes.entry:
    entry = nodes.entry(classes=list(classes))
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
    """A cell that spans ``rows`` x ``cols``; the covered cells are left out of later rows."""

    def __init__(self, cell: Cell, rows: int = 1, cols: int = 1,
                 classes: Sequence[str] = ()) -> None:
        self.cell, self.rows, self.cols, self.classes = cell, rows, cols, classes


def table(
    widths: Sequence[int],
    rows: Sequence[Sequence[Cell | Span]],
    header: Sequence[Sequence[Cell | Span]] = (),
    classes: Sequence[str] = (),
    caption: str | None = None,
    stub_columns: int = 0,
    numeric_from: int | None = None,
) -> nodes.table:
    """A table; ``numeric_from`` right-aligns body cells from that column on."""
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
            row += _entry(span.cell, cls, span.rows - 1, span.cols - 1)
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
