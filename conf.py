"""Sphinx configuration: thin. The plan's data and rendering live in keikaku."""

import os
from pathlib import Path

import yaml

from keikaku.sphinxext.fonts import SITE_FONT_STACK


def _data(name: str) -> dict:
    """A data file of the plan as plain YAML (keikaku checks it; {} if it cannot be read)."""
    try:
        data = yaml.safe_load((Path(__file__).parent / "docs" / "data" / name).read_text(
            encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


# The title, author and year come from the plan's data (typed once, there): the plan's
# name (docs/data/plan.yaml) as a draft, its municipalities, and the draft's date.
_plan = _data("plan.yaml")
project = f"{_plan.get('name', 'keikaku')}（案）"
author = "・".join(str(m.get("name", "")) for m in _plan.get("municipalities", []))
_draft = str(_data("facts.yaml").get("facts", {}).get("draft_date", {}).get("value", ""))
copyright = f"{_draft[:4]}, {author}" if _draft else author
language = "ja"

extensions = ["myst_parser", "sphinx_design", "keikaku.sphinxext"]

root_doc = "index"
source_suffix = {".md": "markdown"}
exclude_patterns = [
    "_build", ".nox", ".venv", "README.md", "tests", "tools", "schemas", ".ci", ".github",
    "benchmarks", "docs/data", ".*", "*.egg-info", "constraints.txt",
]

myst_enable_extensions = ["colon_fence"]
suppress_warnings: list[str] = []
nitpicky = True

html_theme = "alabaster"
html_theme_options = {
    "page_width": "1100px",
    "sidebar_width": "230px",
    "font_family": SITE_FONT_STACK,
    "head_font_family": SITE_FONT_STACK,
    "font_size": "16px",
}
html_title = project
html_show_sourcelink = False
html_static_path: list[str] = []
html_favicon = "docs/_static/favicon.svg"
# Japanese search: keikaku's bigram splitter (chosen by benchmarks/search_splitters.py);
# "default" (TinySegmenter) or a dotted splitter class to compare.
html_search_options = {"type": os.environ.get("KEIKAKU_SEARCH_SPLITTER", "bigram")}

# keikaku
keikaku_root = "."
# This plan is published: the build checks it as `keikaku check --strict`, so a
# placeholder left by `keikaku new` (「未記入」) stops it. Acknowledged warnings (a
# recorded reason or errata entry) do not. A local draft preview: -D keikaku_strict=0.
keikaku_strict = True
keikaku_pdf_name = "keikaku-vision"
# The cover's subtitle may cite data like a page: the draft's date is a fact of facts.yaml.
keikaku_pdf_subtitle = "{value}`facts.draft_date:era` 懇談会資料（案）"
