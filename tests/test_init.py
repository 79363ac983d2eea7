"""keikaku init: a new plan's repository that checks, exports and builds as written.

The done-when test of issue 10: in a temporary folder, ``keikaku init`` with three
municipalities in two prefectures and a period other than this plan's, then a few
``keikaku new`` with budgets and projects, and no file edited by hand: ``keikaku check``
exits 0, the export names the three municipalities, and the site builds with -nW and
carries nothing of this repository's plan. Nothing is installed: the generated
repository is run with this keikaku (the test's own interpreter and sys.path).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from keikaku.cli import main

from .conftest import REPO, sphinx_build
from .fixture_plans import END, START, TOWNS, init_args, new_args

# What this repository's plan names, which a new plan's site must never show.
OURS = ("一関", "平泉")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def new_plan(capsys: pytest.CaptureFixture[str], dest: Path) -> Path:
    """The fixture plan three-towns: init, then three measures, by the command line only."""
    code, _, err = run(capsys, *init_args(dest))
    assert (code, err) == (0, ""), err
    for args in new_args(dest):
        code, _, err = run(capsys, *args)
        assert (code, err) == (0, ""), err
    return dest


@pytest.fixture(scope="module")
def three_towns(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One generated plan for the tests of this module (they only read it)."""
    dest = tmp_path_factory.mktemp("three-towns") / "plan"
    code = main(init_args(dest))
    assert code == 0
    return dest


def test_init_new_check_export_build(capsys, tmp_path: Path) -> None:
    """The done-when test of issue 10, end to end."""
    root = new_plan(capsys, tmp_path / "plan")
    code, out, _ = run(capsys, "check", str(root), "--no-cache")
    assert code == 0, out
    # Only placeholders are reported (what init and new left to transcribe).
    codes = {line.rsplit("[", 1)[-1].rstrip("]") for line in out.splitlines() if "[" in line}
    assert codes <= {"keikaku.placeholder"}, out
    code, out, err = run(capsys, "export", "--format", "json", "--root", str(root), "--draft")
    assert code == 0, err
    data = json.loads(out)
    assert data["plan"]["municipalities"] == [name for name, _ in TOWNS.values()]
    assert [m["id"] for m in data["measures"]] == ["emergency-care", "bus-network",
                                                   "local-products"]
    site = tmp_path / "html"
    result = sphinx_build("html", site, src=root)
    assert result.returncode == 0, result.stderr
    text_files = [p for p in site.rglob("*") if p.is_file() and p.suffix in (
        ".html", ".js", ".json", ".csv", ".txt", ".css")]
    assert (site / "index.html").is_file() and text_files
    for path in text_files:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert not [w for w in OURS if w in text], path
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "北山市・南川町・西野村" in index


def test_the_new_repository_depends_on_keikaku_without_a_copy(three_towns: Path) -> None:
    import tomllib

    from keikaku import __version__

    project = tomllib.loads((three_towns / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["dependencies"] == [
        f"keikaku[plan]>={__version__},<0.{int(__version__.split('.')[1]) + 1}"]
    python = sorted(p.relative_to(three_towns).as_posix() for p in three_towns.rglob("*.py"))
    assert python == ["conf.py", "noxfile.py"]  # configuration only, no code of keikaku's
    assert not (three_towns / "tools").exists() and not (three_towns / "schemas").exists()
    assert os.access(three_towns / ".ci" / "run", os.X_OK)
    assert (three_towns / "measures").is_dir() and not list(three_towns.glob("measures/*.md"))


def test_no_page_of_a_new_repository_names_this_plan(three_towns: Path) -> None:
    for path in three_towns.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert not [w for w in OURS if w in text], path


def test_chapter_pages_take_every_name_and_year_from_the_data(three_towns: Path) -> None:
    """No name or year given to init is typed into a page: they come through {value}."""
    given = [str(START), str(END), "北山", *(n for n, _ in TOWNS.values()),
             *(p for _, p in TOWNS.values())]
    for page in [three_towns / "index.md", *sorted((three_towns / "docs").rglob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        assert not [g for g in given if g in text], page
        assert "{value}`" in text or page.name == "04-measures.md", page


def test_the_plan_data_holds_what_init_was_given(three_towns: Path) -> None:
    import yaml

    plan = yaml.safe_load((three_towns / "docs/data/plan.yaml").read_text(encoding="utf-8"))
    assert [(m["id"], m["name"], m["prefecture"]) for m in plan["municipalities"]] == [
        (mid, name, pref) for mid, (name, pref) in TOWNS.items()]
    assert plan["central_cities"] == ["kitayama"]
    assert plan["period"] == {"start": START, "end": END}


def test_a_fresh_repository_checks_with_placeholder_warnings_only(three_towns: Path) -> None:
    """Straight after init: check passes, and reports each placeholder of the structure
    at its line (the lines computed from the file)."""
    from keikaku import placeholders as ph
    from keikaku.check import load_plan

    result = load_plan(three_towns)
    assert result.errors == [], [p.format() for p in result.errors]
    lines = (three_towns / "docs/data/structure.yaml").read_text(encoding="utf-8").split("\n")
    expected = [i + 1 for i, line in enumerate(lines)
                if any(t in line for t in ph.STRUCTURE_TEXTS)]
    assert len(expected) == 4 + len(TOWNS)
    assert [(p.code, p.file, p.line) for p in result.warnings] == [
        ("keikaku.placeholder", "docs/data/structure.yaml", n) for n in expected]


@pytest.mark.parametrize("change, words", [
    (["--period", "2028-2024"], "計画期間"),
    (["--period", "令和８-12"], "計画期間"),
    (["--municipality", "Kita=北市"], "Kita"),
    (["--municipality", "common=共通町"], "common"),
    (["--municipality", "kitayama"], "ID=名称"),
    (["--municipality", "kitayama=北山市"], "２回"),
    (["--central", "higashi"], "higashi"),
    (["--prefecture", "higashi=丙県"], "kitayama, minamikawa, nishino"),
    (["--name", ""], "--name"),
])
def test_init_refuses_bad_arguments_in_japanese(capsys, tmp_path: Path, change: list[str],
                                                words: str) -> None:
    dest = tmp_path / "plan"
    code, out, err = run(capsys, *init_args(dest), *change) if change[0] != "--name" \
        else run(capsys, *[a if a != "第１次北山定住自立圏共生ビジョン" else "" for a in
                           init_args(dest)])
    assert code == 2 and out == "" and words in err and "使い方" in err, err
    assert "Traceback" not in err and not dest.exists()


def test_init_needs_a_central_city_and_a_municipality(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "init", str(tmp_path / "a"), "--name", "x", "--sphere", "y",
                       "--period", "2026-2030", "--municipality", "kita=北市")
    assert code == 2 and "--central" in err
    code, _, err = run(capsys, "init", str(tmp_path / "a"), "--name", "x", "--sphere", "y",
                       "--period", "2026-2030", "--central", "kita")
    assert code == 2 and "--municipality" in err


def test_init_never_overwrites(capsys, tmp_path: Path) -> None:
    dest = tmp_path / "plan"
    dest.mkdir()
    (dest / "README.md").write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, *init_args(dest))
    assert code == 2 and "空のフォルダではありません" in err and "Traceback" not in err
    assert [p.name for p in dest.iterdir()] == ["README.md"]
    assert (dest / "README.md").read_text(encoding="utf-8") == "mine"
    file = tmp_path / "file"
    file.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, *init_args(file))
    assert code == 2 and "空のフォルダではありません" in err
    assert file.read_text(encoding="utf-8") == "x"


def test_init_into_an_empty_folder(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, *init_args(tmp_path))
    assert (code, err) == (0, "") and (tmp_path / "docs/data/plan.yaml").is_file()


def test_keikaku_init_as_a_command(tmp_path: Path) -> None:
    """As a clerk types it: a process, exit status 0, a Japanese line on what to do next."""
    result = subprocess.run([sys.executable, "-m", "keikaku", *init_args(tmp_path / "p")],
                            capture_output=True, text=True, check=False, cwd=REPO)
    assert result.returncode == 0 and "structure.yaml" in result.stdout, result.stderr


def test_templates_and_schemas_are_package_data() -> None:
    """An installed keikaku (a wheel, not this source tree) carries what init writes and
    the schemas a plan without its own uses: pyproject.toml's package-data names them all."""
    import tomllib

    from keikaku.scaffold import TEMPLATES
    from keikaku.schemas import PACKAGE_SCHEMAS, SCHEMA_FILES

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["keikaku"]
    package = TEMPLATES.parents[1]
    shipped = {p for pattern in patterns for p in package.glob(pattern) if p.is_file()}
    templates = {p for p in TEMPLATES.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert templates and templates <= shipped
    assert {PACKAGE_SCHEMAS / name for name in SCHEMA_FILES.values()} <= shipped
