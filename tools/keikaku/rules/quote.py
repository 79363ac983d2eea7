"""Quotes against the archived source (docs/source/, see keikaku.archive): every text
the data says is printed in the source must occur in it, line wraps and spacing aside.

Quotes: errata ``printed[].text`` (unless marked ``verbatim: false`` with a reason), the
names of a measure's ``printed:`` block, the 項目, opinions and answers of the public
comments and council opinions, and the 2nd and 3rd visions' names and the reasons of
the comparison table, as far as the provenance lists them in ``quoted_in``. The
archive itself must be the one its provenance records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath

from ..archive import Archive, sha256
from ..load import Document, Sources
from ..problems import Problem

COMMENT_FIELDS = {
    "public_comments": ("item", "summary", "response"),
    "council_opinions": ("item", "opinion", "response"),
}
SHOWN = 30  # characters of a quote shown in a message
# What may quote the archive (provenance.yaml quoted_in).
KINDS = ("errata", "printed", "comments", "comparison")


class Label:
    """The message parameter naming a quote (「正誤表 E04 の原案の記載（…）」)."""

    def __init__(self, key: str, **params: object) -> None:
        self.key, self.params = key, params

    def render(self, lang: str) -> str:
        from ..messages import render
        from ..problems import localize

        return render(self.key, lang, **{k: localize(v, lang) for k, v in self.params.items()})


Quote = tuple[Document, tuple[object, ...], str, Label, int | None]


def quotes(sources: Sources, kinds: Iterable[str] = KINDS) -> Iterator[Quote]:
    """(document, key path, text, label, the line of the archive it is said to stand
    on or None) of every quote of the data of ``kinds`` (see KINDS)."""
    kinds = set(kinds)
    errata = sources.errata
    if errata is not None and errata.ok and "errata" in kinds:
        for i, entry in enumerate(errata.data.get("errata", [])):
            for j, p in enumerate(entry.get("printed", [])):
                if p.get("verbatim", True) is not False:
                    yield (errata, ("errata", i, "printed", j, "text"), p["text"],
                           Label("quote-what-errata", id=entry["id"], where=p["where"]),
                           p.get("line"))
    for doc in sources.measures if "printed" in kinds else []:
        if doc.ok:
            for key, text in (doc.data.get("printed") or {}).items():
                yield (doc, ("printed", key), text,
                       Label("quote-what-printed", label=f"@label-{key}"), None)
    comments = sources.comments
    if comments is not None and comments.ok and "comments" in kinds:
        for kind, fields in COMMENT_FIELDS.items():
            for i, entry in enumerate(comments.data.get(kind, [])):
                for name in fields:
                    if name in entry:
                        yield (comments, (kind, i, name), entry[name],
                               Label("quote-what-comment", kind=f"@kind-{kind}",
                                     number=entry["number"], field=f"@comment-{kind}-{name}"),
                               None)
    comparison = sources.comparison
    if comparison is not None and comparison.ok and "comparison" in kinds:
        for i, row in enumerate(comparison.data.get("rows", [])):
            if "previous" in row:
                yield (comparison, ("rows", i, "previous", "name"), row["previous"]["name"],
                       Label("quote-what-previous", number=row["previous"]["number"]), None)
            if "printed_name" in row:
                yield (comparison, ("rows", i, "printed_name"), row["printed_name"],
                       Label("quote-what-current", number=row.get("printed_number", "")), None)
        for i, change in enumerate(comparison.data.get("changes", [])):
            yield (comparison, ("changes", i, "reason"), change["reason"],
                   Label("quote-what-reason", mark=change["mark"]), None)


def load_archive(sources: Sources, problems: list[Problem]) -> Archive | None:
    """The archive the provenance names (None without one); a missing archive or one
    that is not what the provenance records is a problem."""
    prov = sources.provenance
    if prov is None or not prov.ok:
        return None
    rel = (PurePosixPath(prov.rel).parent / prov.data["file"]).as_posix()
    try:
        raw = (sources.root / rel).read_bytes()
        archive = Archive(rel, raw.decode("utf-8"), prov.data)
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem("keikaku.archive", prov.rel, prov.line_of(("file",)),
                                "archive-unreadable",
                                {"file": rel, "reason": getattr(exc, "strerror", None)
                                 or type(exc).__name__}))
        return None
    expected = prov.data["archive"]["sha256"]
    if sha256(raw) != expected:
        problems.append(Problem("keikaku.archive", prov.rel,
                                prov.line_of(("archive", "sha256")), "archive-changed",
                                {"file": rel, "expected": expected[:12],
                                 "actual": sha256(raw)[:12]}))
    return archive


def shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"


def check(sources: Sources, archive: Archive | None) -> list[Problem]:
    if archive is None:
        return []
    problems: list[Problem] = []
    for doc, keypath, text, label, line in quotes(sources, archive.provenance["quoted_in"]):
        if not isinstance(text, str):
            continue  # a value of the wrong type is the schema's problem
        if text in archive:
            places = archive.find(text)
            if line is not None and not any(a <= line <= b for a, b in places):
                problems.append(Problem(
                    "keikaku.quote", doc.rel, doc.line_of((*keypath[:-1], "line")),
                    "quote-not-at-line",
                    {"what": label, "quote": shorten(text), "archive": archive.rel,
                     "line": line, "found": "、".join(str(a) for a, _ in places)}))
            continue
        near = archive.closest(text)
        params: dict[str, object] = {"what": label, "quote": shorten(text),
                                     "archive": archive.rel}
        if near is None:
            problems.append(Problem("keikaku.quote", doc.rel, doc.line_of(keypath),
                                    "quote-missing-nothing-near", params))
        else:
            params |= {"line": near.line, "printed": near.printed, "quoted": near.quoted}
            problems.append(Problem("keikaku.quote", doc.rel, doc.line_of(keypath),
                                    "quote-missing", params))
    return problems
