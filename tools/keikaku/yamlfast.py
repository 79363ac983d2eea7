"""YAML parsing: PyYAML's safe loader semantics, with a faster parser where it agrees.

ryaml (Rust) parses our front matter about 4x faster than PyYAML's C loader,
but it follows YAML 1.2 where PyYAML follows YAML 1.1: ``no`` is a string to
one and ``False`` to the other, ``1_000`` a string or 1000, ``1e3`` a float or
a string, ``2019-03-26`` a string or a date. So a text goes to ryaml only when
it holds none of the plain scalars on which the two can differ (and no tags,
anchors or directives); anything else, and anything ryaml rejects, is read by
PyYAML. A text with many flow collections opened on one line goes to PyYAML
too: ryaml's time grows with their square (30,000 ``[`` on a line: 1.2 s),
libyaml's does not. tests/test_yamlfast.py feeds both the traps and random documents to
``load`` and to PyYAML and requires equal results.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

try:  # an optional speed-up; PyYAML alone gives the same results
    import ryaml as _ryaml
except ImportError:  # pragma: no cover
    _ryaml = None

# Plain scalars that YAML 1.1 (PyYAML) and YAML 1.2 (ryaml) may resolve differently,
# and syntax whose handling we do not compare (tags, anchors, aliases, merges, directives).
_RISKY = re.compile(
    r"""(?=[-+.0-9yYnNoO])(?<![\w.+\-])(?:          # (first chars: fail fast elsewhere)
        (?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)         # YAML 1.1 booleans
      | [-+]?(?=[0-9_.]*_)[0-9][0-9_]*(?:\.[0-9_]*)?          # digits with underscores (0._)
      | [-+]?0[0-9]+                                          # leading zero: octal in 1.1
      | [-+]?0[oO][0-7]+                                      # 0o17: int in 1.2 only
      | [-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eE][-+]?[0-9]+      # exponents
      | [-+]\.[0-9]+                                          # -.5: a string in 1.1
      | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?      # sexagesimal 1:30
      | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}                        # dates and timestamps
      | 0b[01_]+                                              # binary ints (1.1)
    )(?![\w.\-])
    | [!&*]|<<|\t|^%|:[ ]+[|>]
    """,
    re.VERBOSE | re.MULTILINE,
)


# Flow collections ("[", "{") that one line may open and still go to ryaml.
MAX_FLOW_PER_LINE = 32


def _few_flow_openers(text: str) -> bool:
    if text.count("[") + text.count("{") <= MAX_FLOW_PER_LINE:
        return True
    return all(line.count("[") + line.count("{") <= MAX_FLOW_PER_LINE
               for line in text.split("\n"))


def fast_eligible(text: str) -> bool:
    """Whether ``text`` may be parsed by ryaml with PyYAML's results, in linear time."""
    return _ryaml is not None and _RISKY.search(text) is None and _few_flow_openers(text)


def first_anchor(text: str) -> tuple[int, str] | None:
    """The 0-based line and text (``&a``, ``*a``) of the first anchor or alias in
    ``text``, found from the event stream before anything is built, so that an alias
    bomb costs no more than its length; None when there is none or the text is not
    valid YAML (``load`` then explains the error)."""
    if "&" not in text and "*" not in text:
        return None
    try:
        for event in yaml.parse(text, Loader=Loader):
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                sigil = "*" if isinstance(event, yaml.AliasEvent) else "&"
                return event.start_mark.line, sigil + anchor
    except (yaml.YAMLError, RecursionError):
        return None
    return None


def load(text: str) -> Any:
    """Parse ``text`` exactly as ``yaml.load(text, CSafeLoader)`` does (errors included)."""
    if fast_eligible(text):
        try:
            return _ryaml.loads(text)
        except Exception:  # PyYAML decides, and explains, every error
            pass
    return yaml.load(text, Loader=Loader)  # a safe loader
