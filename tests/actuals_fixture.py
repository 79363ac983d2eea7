"""A fixture plan with actuals: a copy of the real plan with actuals added to three KPIs,
one for each case of the 達成率 (target better than, equal to and worse than the
baseline). The repository's own data has none (the source has none)."""

from __future__ import annotations

from pathlib import Path

# measure file -> (text after which the actuals go, the actuals as YAML lines)
ACTUALS = {
    # 82% -> 96%: better than the baseline.
    "local-employment.md": ("      value: 96\n",
                            "    actuals:\n      2024: 85\n      2025: 89\n"),
    # 84% -> 84%: equal (keeping the level); a year not available, with its note.
    "holiday-night-care.md": ("      value: 84\n    target_reason:",
                              "    actuals:\n      2024: {value: null, note: 集計中のため未把握}\n"
                              "      2025: 80\n"),
    # 10,778人 -> 10,162人: worse (a managed decline).
    "child-rearing-environment.md": ("      value: 10162\n",
                                     "    actuals:\n      2025: 10300\n"),
}


def add_actuals(root: Path) -> Path:
    for name, (anchor, lines) in ACTUALS.items():
        path = root / "measures" / name
        text = path.read_text(encoding="utf-8")
        assert text.count(anchor) == 1, (name, anchor)
        if anchor.endswith("target_reason:"):
            head = anchor.removesuffix("    target_reason:")
            text = text.replace(anchor, head + lines + "    target_reason:")
        else:
            text = text.replace(anchor, anchor + lines)
        path.write_text(text, encoding="utf-8")
    return root
