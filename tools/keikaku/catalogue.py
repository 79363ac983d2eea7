"""The check catalogue (the ``code-*`` texts of the message catalogue): what each check
requires, with its limits filled in from the checker's own settings (the ``keikaku.…``
values of keikaku.values, from the constants the rules apply), so that a figure of the
catalogue is typed once, in the code."""

from __future__ import annotations

from .messages import MESSAGES, render

# placeholder of a catalogue text -> the setting (keikaku.<key>) it shows
SETTINGS = {
    "max_bytes": "limits.file_bytes",
    "max_values": "limits.values",
    "yaml_depth": "limits.yaml_depth",
    "kpi_outlier": "kpi_outlier",
    "kpi_worse": "worse_tolerance",
    "budget_outlier": "budget_outlier",
}


def params() -> dict[str, str]:
    """Each placeholder as the text shows it (1,000,000; 5), as a {value} role would."""
    from .values import resolve

    # a setting needs no plan
    return {name: resolve(None, f"keikaku.{key}")  # type: ignore[arg-type]
            for name, key in SETTINGS.items()}


def text(code: str, lang: str = "ja") -> str:
    """What the check ``code`` (keikaku.xxx) requires."""
    return render(f"code-{code.split('.', 1)[1]}", lang, **params())


def templates() -> dict[str, str]:
    """The catalogue's Japanese templates (code-xxx -> text with {placeholders})."""
    return {k: v["ja"] for k, v in MESSAGES.items() if k.startswith("code-")}
