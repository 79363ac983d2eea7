"""keikaku: a municipal policy plan as data, checks and a Sphinx site.

The core (loading, model, rules, reporting, export) never imports Sphinx;
``keikaku.sphinxext`` renders the plan, ``keikaku.cli`` is the command line.
"""

__version__ = "0.1.0"
