"""The verdicts benchmarks/run.py writes into docs/benchmarks.md come from the figures."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import run  # noqa: E402


def _verdict(table: str, what: str) -> str:
    row = next(line for line in table.split("\n") if line.startswith(f"| {what}"))
    return row.split("|")[3].strip()


def test_goals_in_seconds_are_strict_and_ratios_inclusive() -> None:
    figures = {"real-nocache": 1.0, "10000-nocache": 4.99, "10000-parse": 4.99 / 0.25,
               "real-warm": 0.31, "1000-warm": 0.2}
    table = run.goal_markdown(figures)
    assert _verdict(table, "実際の計画の検査が").startswith("未達成")  # 1.00 is not under 1
    assert _verdict(table, "10,000 施策の検査（キャッシュなし）").startswith("達成")
    assert _verdict(table, "10,000 施策の検査が、PyYAML").startswith("達成")  # exactly 1/4
    assert _verdict(table, "表記の検査を含めて、実際の計画の変更なし").startswith("未達成")
    assert "0.31 秒" in table  # the slowest re-check of any size
    assert "何もキャッシュしていない状態で" not in table  # not measured: left out


def test_ratio_targets_and_memory() -> None:
    figures = {"site-500": 10.0, "site-2000": 46.0, "floor-500": 5.0, "floor-2000": 15.0,
               "edit-2000": 4.9, "check-10000": 3.0, "check-floor-10000": 2.0,
               "memory-site-2000": 1234.4, "memory-site-2000-gc": 800.0, "site-2000-gc": 60.0}
    table = run.ratio_markdown(figures, 500, 2000, 10_000)
    rows = {line.split("|")[1].strip(): line for line in table.split("\n") if "|" in line}
    growth = next(v for k, v in rows.items() if k.startswith("サイトのビルド時間の伸び"))
    assert "4.60" in growth and "未達成" in growth
    assert "達成" in next(v for k, v in rows.items() if k.endswith("再ビルド"))
    assert "1,234" in table and "800" in table
    assert "keikaku_gc_tuning=0" in table
