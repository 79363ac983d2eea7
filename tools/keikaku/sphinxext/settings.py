"""What a plan's conf.py takes from its data: the project's title and author.

Read leniently: a plan.yaml that cannot be read leaves neutral words here, and the
build then reports the plan's problems itself (with file and line)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .texts import site_text


def plan_settings(root: str | Path, lang: str = "ja") -> tuple[str, str, str]:
    """``(project, author, copyright)`` for conf.py, from docs/data/plan.yaml under root
    (``lang``: the site's language, as conf.py sets it)."""
    try:
        text = (Path(root) / "docs" / "data" / "plan.yaml").read_text(encoding="utf-8")
        data: Any = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        data = None
    data = data if isinstance(data, dict) else {}
    title = (data.get("name") if isinstance(data.get("name"), str)
             else site_text("fallback-title", lang))
    towns = data.get("municipalities") if isinstance(data.get("municipalities"), list) else []
    author = site_text("name-sep", lang).join(
        str(m["name"]) for m in towns if isinstance(m, dict) and "name" in m)
    period = data.get("period") if isinstance(data.get("period"), dict) else {}
    start = period.get("start", "")
    return title, author, f"{start}, {author}" if start else author
