"""Japanese search that finds what people type.

Sphinx's Japanese search segments the pages into words (TinySegmenter) but
splits the query only at spaces and punctuation, so a compound query such as
定住自立圏 or 自立圏 misses pages whose text was segmented differently, and
one-character words are dropped. Here both sides are cut the same way:
Unicode NFKC normalisation (ＤＸ → DX, full-width digits → half-width) and
lower case, then Latin letters and digits as whole words and every other run
as overlapping pairs of characters (bigrams). A query matches a page that
holds all of its bigrams, which is what a reader means by "contains".
"""

from __future__ import annotations

import re
import unicodedata

from sphinx.search.ja import BaseSplitter, SearchJapanese

_RUN = re.compile(r"\w+")
_SEGMENT = re.compile(r"[a-z0-9_]+|[^a-z0-9_]+")


def split_text(text: str) -> list[str]:
    """The index terms (and query terms) of ``text``."""
    out: list[str] = []
    for run in _RUN.findall(unicodedata.normalize("NFKC", text).lower()):
        for seg in _SEGMENT.findall(run):
            if seg[0].isascii() or len(seg) == 1:
                out.append(seg)
            else:
                out.extend(seg[i : i + 2] for i in range(len(seg) - 1))
    return out


class BigramSplitter(BaseSplitter):
    def split(self, input: str) -> list[str]:
        return split_text(input)


# The same cut in the browser (searchtools.js calls splitQuery on the query).
JS_SPLIT_QUERY = r"""
var splitQuery = (query) => {
  const out = [];
  const text = query.normalize("NFKC").toLowerCase();
  for (const run of text.split(/[^\p{Letter}\p{Number}_\p{Mark}]+/u)) {
    for (const seg of run.match(/[a-z0-9_]+|[^a-z0-9_]+/g) || []) {
      if (/^[\x00-\x7f]/.test(seg) || seg.length === 1) out.push(seg);
      else for (let i = 0; i + 1 < seg.length; i++) out.push(seg.slice(i, i + 2));
    }
  }
  return out;
};
"""


class KeikakuJapanese(SearchJapanese):
    """Sphinx's Japanese search language with the bigram splitter on both sides."""

    js_splitter_code = JS_SPLIT_QUERY

    def __init__(self, options: dict[str, str]) -> None:
        kind = options.get("type")
        # "bigram" (or nothing) is ours; "default" is Sphinx's TinySegmenter; anything
        # else is a dotted splitter class, as Sphinx's html_search_options takes it.
        sphinx_options = {k: v for k, v in options.items()
                          if k != "type" or v not in ("bigram", "default")}
        super().__init__(sphinx_options)
        if kind in (None, "bigram"):
            self.splitter = BigramSplitter(options)
            self.js_splitter_code = JS_SPLIT_QUERY
        else:
            self.js_splitter_code = ""
