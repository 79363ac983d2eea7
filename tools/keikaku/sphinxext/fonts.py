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
    """Whether a character is drawn with a glyph (not a space or a control)."""
    return unicodedata.category(char)[0] not in "CZ"


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
    options.layout_features = ["*"]  # vertical forms, kerning, proportional kana
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(target), options)
    font.close()
