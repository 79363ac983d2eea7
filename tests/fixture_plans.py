"""Small fixture plans, made the way a clerk makes one: keikaku init, then keikaku new.

``three-towns``: a fictitious sphere of three municipalities in two prefectures, with a
period of another decade (2016–2020, across the change of era), no population data, no
KPIs and no errata. Made by the command line only (no file edited by hand), so it is
exactly what init and new write; tests copy it before they change it.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

from keikaku.cli import main

TOWNS = {"kitayama": ("北山市", "甲県"), "minamikawa": ("南川町", "甲県"),
         "nishino": ("西野村", "乙県")}
START, END = 2016, 2020


def init_args(dest: Path) -> list[str]:
    args = ["init", str(dest), "--name", "第１次北山定住自立圏共生ビジョン",
            "--sphere", "北山定住自立圏", "--period", f"{START}-{END}", "--central", "kitayama"]
    for mid, (name, pref) in TOWNS.items():
        args += ["--municipality", f"{mid}={name}", "--prefecture", f"{mid}={pref}"]
    return args


def budget_args(amounts: list[int]) -> list[str]:
    return [a for year, amount in zip(range(START, END + 1), amounts, strict=True)
            for a in ("--budget", f"{year}={amount}")]


def new_args(dest: Path) -> list[list[str]]:
    """Three measures with budgets and projects, no KPI, the direction left out (the
    plan has one)."""
    return [
        ["new", "emergency-care", "--name", "救急医療体制の連携", "--root", str(dest),
         *budget_args([1200, 1300, 1300, 1300, 1400]),
         "--project", "common=救急医療連携事業", "--project", "kitayama=休日当番医事業"],
        ["new", "bus-network", "--name", "圏域バス路線の維持", "--root", str(dest),
         *budget_args([5000, 5000, 5100, 5100, 5200]),
         "--project", "minamikawa=コミュニティバス運行事業",
         "--project", "nishino=デマンド交通運行事業"],
        ["new", "local-products", "--name", "地域産品の販路拡大", "--root", str(dest),
         *budget_args([800, 800, 800, 900, 900]), "--project", "nishino=特産品販売促進事業"],
    ]


def make_three_towns(dest: Path) -> Path:
    """init, then new for each measure; every command must succeed."""
    assert main(init_args(dest)) == 0, f"keikaku init {dest} failed"
    for args in new_args(dest):
        assert main(args) == 0, f"keikaku {' '.join(args)} failed"
    return dest


@functools.cache
def _made(name: str) -> Path:
    assert name == "three-towns", name
    folder = Path(tempfile.mkdtemp(prefix="keikaku-fixture-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return make_three_towns(folder / name)


def copy_fixture_plan(name: str, dest: Path) -> Path:
    """A fresh copy of the fixture plan ``name``, made once per test session."""
    shutil.copytree(_made(name), dest)
    return dest
