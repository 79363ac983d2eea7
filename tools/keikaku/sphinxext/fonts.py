"""The bundled Japanese font (Noto Sans CJK JP from PyPI's ``noto-cjk``).

The PDF and the site are set in this font alone, whatever the machine has:
- the PDF embeds it through WeasyPrint's ``FontConfiguration`` (``@font-face``
  rules are ignored without one, and WeasyPrint then takes the machine's fonts);
- the site carries a WOFF2 subset of it, cut at build time to the characters
  its pages use (``write_web_fonts``), as the fallback after the reader's own
  Japanese fonts.

``missing_characters`` compares a text with the font's character map, so that a
character the font lacks is reported at build time rather than printed as a box.
"""

from __future__ import annotations

import html as html_lib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# A family name of our own, so that a system copy of Noto Sans CJK JP can never
# stand in for the bundled file.
FAMILY = "Keikaku Noto Sans CJK JP"
WEIGHTS = {"regular": 400, "bold": 700}


class FontMissing(Exception):
    """The bundled font is not installed."""


@dataclass(frozen=True)
class FontFile:
    style: str
    weight: int
    path: Path


def bundled_fonts() -> list[FontFile]:
    """The bundled font files, regular and bold (``FontMissing`` if absent)."""
    try:
        from noto_cjk import font_path
    except ImportError as exc:
        raise FontMissing("pip install 'noto-cjk[sans-jp]'") from exc
    files = []
    for style, weight in WEIGHTS.items():
        try:
            files.append(FontFile(style, weight, Path(font_path("sans", "jp", style))))
        except Exception as exc:  # noto_cjk raises a bare error for a missing extra
            raise FontMissing(f"Noto Sans CJK JP {style}: pip install 'noto-cjk[sans-jp]'") \
                from exc
    return files


def pdf_font_css(fonts: Iterable[FontFile]) -> str:
    """@font-face rules for the bundled files, and every element set in them
    (code and monospace included): no generic family that the machine could fill."""
    rules = [
        f'@font-face {{ font-family: "{FAMILY}"; font-weight: {f.weight}; '
        f'src: url("{f.path.as_uri()}"); }}'
        for f in fonts
    ]
    rules.append(f'*, *::before, *::after {{ font-family: "{FAMILY}" !important; }}')
    return "\n".join(rules)


@cache
def character_map(path: Path) -> frozenset[int]:
    """The code points the font file has a glyph for."""
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())


_TAG = re.compile(r"<[^>]*>")
_HIDDEN = re.compile(r"<(script|style|title)\b[^>]*>.*?</\1\s*>", re.S | re.I)


def text_of_html(html: str) -> str:
    """The text a reader sees in an HTML page (scripts, styles and tags removed)."""
    return html_lib.unescape(_TAG.sub(" ", _HIDDEN.sub(" ", html)))


def _drawn(char: str) -> bool:
    """Whether a character needs a glyph of the font: all but controls and line breaks.
    Spaces count: the ideographic space (U+3000) is a glyph of its own, and a subset
    without it shows a box where the draft sets 「23　世界遺産…」."""
    return unicodedata.category(char) not in ("Cc", "Cf", "Zl", "Zp")


def missing_characters(text: str, path: Path) -> list[str]:
    """Characters of ``text`` that the font at ``path`` has no glyph for, sorted."""
    cmap = character_map(path)
    return sorted({c for c in text if _drawn(c) and ord(c) not in cmap})


def describe(chars: Iterable[str]) -> str:
    """「≒ (U+2252)、… 」: characters with their code points, for a message."""
    return ", ".join(f"{c} (U+{ord(c):04X})" for c in chars)


def subset_woff2(source: Path, text: str, target: Path) -> None:
    """Write a WOFF2 subset of ``source`` holding the glyphs of ``text``."""
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff2"
    options.hinting = False  # screens of today draw CJK outlines well unhinted
    options.notdef_outline = True  # a missing character shows as a box, not nothing
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(target), options)
    font.close()


# Glyphs that Noto Sans CJK JP lacks, drawn as inline SVG so that neither the PDF nor
# the site needs another font on the machine (≒, U+2252, as in 679日/803日≒84％).
MISSING_GLYPHS = {
    "≒": (
        '<svg class="keikaku-glyph" role="img" aria-label="≒" viewBox="0 0 10 10" '
        'width="0.9em" height="0.9em"><g stroke="currentColor" stroke-width="0.8" '
        'fill="currentColor"><line x1="1" y1="4" x2="9" y2="4"/>'
        '<line x1="1" y1="6.5" x2="9" y2="6.5"/><circle cx="2" cy="1.6" r="0.7"/>'
        '<circle cx="8" cy="8.9" r="0.7"/></g></svg>'
    ),
}


def draw_missing_glyphs(html: str) -> str:
    """Replace characters the embedded font lacks (in text, not in tags)."""
    parts = re.split(r"(<[^>]*>)", html)
    for i, part in enumerate(parts):
        if part and not part.startswith("<"):
            for char, svg in MISSING_GLYPHS.items():
                part = part.replace(char, svg)
            parts[i] = part
    return "".join(parts)


# -- the site -------------------------------------------------------------------

# The site's font stack: the reader's own Japanese fonts first (nothing to
# download), then the bundled subset, which a browser fetches only for
# characters no earlier font has, e.g. on a machine without Japanese fonts.
SITE_FONT_STACK = (
    "'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Yu Gothic', Meiryo, "
    f"'Noto Sans CJK JP', '{FAMILY}', sans-serif"
)
WEB_FONT_DIR = "_static/fonts"
# Characters the subset always holds beside those of the pages: printable ASCII
# and the full-width forms readers type into the search box.
ALWAYS = "".join(map(chr, range(0x20, 0x7F))) + "".join(map(chr, range(0xFF01, 0xFF5F)))


def web_font_name(style: str) -> str:
    return f"keikaku-sans-jp-{style}.woff2"


def write_web_fonts(outdir: Path, store: Path | None = None) -> bool:
    """Cut the bundled fonts to the characters of the HTML pages under ``outdir`` and
    write them as WOFF2 into ``_static/fonts``; skipped (False) when the characters
    and font files are those of the last build. ``store`` keeps each page's characters
    between builds (not published: the build's doctree folder)."""
    import hashlib

    files = bundled_fonts()
    target = outdir / WEB_FONT_DIR
    chars = set(ALWAYS).union(*page_characters(outdir, store).values())
    text = "".join(sorted(c for c in chars if _drawn(c)))
    stamp = target / "keikaku-fonts.sha256"
    key = hashlib.sha256("\n".join(
        [text, *(f"{f.path.name}:{f.path.stat().st_size}" for f in files)]).encode()
    ).hexdigest()
    if stamp.is_file() and stamp.read_text() == key and all(
            (target / web_font_name(f.style)).is_file() for f in files):
        return False
    for f in files:
        subset_woff2(f.path, text, target / web_font_name(f.style))
    stamp.write_text(key)
    return True


def page_characters(outdir: Path, store: Path | None) -> dict[str, str]:
    """The characters of each HTML page under ``outdir``, read again only from the pages
    written since the last build (known by size and time of change, kept in ``store``):
    a rebuild writes a few pages of thousands."""
    import json

    try:
        known = json.loads(store.read_text(encoding="utf-8")) if store else {}
    except (OSError, ValueError):
        known = {}
    seen: dict[str, list[object]] = {}
    for page in sorted(outdir.rglob("*.html")):
        rel, stat = page.relative_to(outdir).as_posix(), page.stat()
        entry = known.get(rel)
        if not (isinstance(entry, list) and entry[:2] == [stat.st_mtime_ns, stat.st_size]):
            entry = [stat.st_mtime_ns, stat.st_size, "".join(sorted(set(
                text_of_html(page.read_text(encoding="utf-8")))))]
        seen[rel] = entry
    if store and seen != known:
        store.parent.mkdir(parents=True, exist_ok=True)
        store.write_text(json.dumps(seen, ensure_ascii=False), encoding="utf-8")
    return {rel: str(entry[2]) for rel, entry in seen.items()}
