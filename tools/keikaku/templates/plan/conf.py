"""Sphinx configuration of this plan: thin. The plan's name and municipalities come from
docs/data/plan.yaml; its rendering comes from the keikaku package."""

from keikaku.sphinxext.fonts import SITE_FONT_STACK
from keikaku.sphinxext.settings import plan_settings

project, author, copyright = plan_settings(".")
language = "ja"

extensions = ["myst_parser", "sphinx_design", "keikaku.sphinxext"]

root_doc = "index"
source_suffix = {".md": "markdown"}
exclude_patterns = [
    "_build", ".nox", ".venv", "README.md", "tests", "docs/data", ".*", "*.egg-info",
]

myst_enable_extensions = ["colon_fence"]
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
html_search_options = {"type": "bigram"}

# keikaku
keikaku_root = "."
# While the plan is drafted, what is not yet filled in (「未記入」) is a warning of
# keikaku check and does not stop the build. Before publishing, set True: the build then
# checks as `keikaku check --strict`, and a placeholder left stops it.
keikaku_strict = False
keikaku_pdf_name = "keikaku-vision"
