"""Japanese eras (和暦) and weekdays."""

from __future__ import annotations

import datetime as dt

# First Western year of each era, minus one: 令和 n = 2018 + n.
ERA_OFFSET = {"令和": 2018, "平成": 1988, "昭和": 1925, "R": 2018, "H": 1988, "S": 1925}
ERA_NAME = {"R": "令和", "H": "平成", "S": "昭和"}
WEEKDAYS = "月火水木金土日"
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
FULLWIDTH = str.maketrans("０１２３４５６７８９ＲＨＳ（）", "0123456789RHS()")


FIRST_YEAR = "元"  # 令和元年: the first year of an era


def era_number(text: str) -> int:
    return 1 if text == FIRST_YEAR else int(text)


def to_western(era: str, number: int) -> int:
    """令和６ → 2024."""
    return ERA_OFFSET[era] + number


def to_era(year: int) -> tuple[str, int]:
    """2024 → ('令和', 6); 2019 → ('令和', 1) (May onward; 平成31 covers Jan–Apr)."""
    for era in ("令和", "平成", "昭和"):
        if year > ERA_OFFSET[era]:
            return era, year - ERA_OFFSET[era]
    raise ValueError(year)


def era_label(year: int, fiscal: bool = False) -> str:
    """2024 → 令和６年度 (full-width digits below 10, as the vision prints them)."""
    era, n = to_era(year)
    digits = "元" if n == 1 else _small(n)
    return f"{era}{digits}年{'度' if fiscal else ''}"


def weekday(date: dt.date) -> str:
    return WEEKDAYS[date.weekday()]


# The day each era began (for dates; a fiscal or calendar year uses the year only).
ERA_START = (("令和", dt.date(2019, 5, 1)), ("平成", dt.date(1989, 1, 8)),
             ("昭和", dt.date(1926, 12, 25)))
_FW = str.maketrans("0123456789", "０１２３４５６７８９")


def _small(n: int) -> str:
    """Numbers below 10 in full width, as the vision prints them (３月, 26日)."""
    return str(n).translate(_FW) if n < 10 else str(n)


def era_date(date: dt.date) -> str:
    """2019-03-26 → 平成31年３月26日."""
    for era, start in ERA_START:
        if date >= start:
            n = date.year - start.year + 1
            year = "元" if n == 1 else _small(n)
            return f"{era}{year}年{_small(date.month)}月{_small(date.day)}日"
    raise ValueError(date)
