"""``keikaku init``: a new plan's repository, ready to check, test and build.

What it writes comes from the templates of ``keikaku/templates/plan`` (pages, conf.py,
noxfile.py, pyproject.toml, README, CI) and from the arguments (docs/data/plan.yaml and a
structure of one placeholder area, field and direction). The chapter pages take every
name and year from the data through ``{value}``, so nothing of the arguments is typed
into them. Nothing is ever overwritten: the folder must be absent or empty, and every
file is created exclusively.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from string import Template

import yaml

from . import __version__
from . import placeholders as ph

TEMPLATES = Path(__file__).parent / "templates" / "plan"
# Template file names that packaging would drop (dotfiles) -> their name in the plan;
# a name ending in .in loses it (a template is not a file of keikaku's own).
RENAMED = {"_ci": ".ci", "_gitignore": ".gitignore"}
EXECUTABLE = {".ci/run"}
ID = re.compile(r"[a-z][a-z0-9-]*")
RESERVED_IDS = {"common"}  # the projects key of what the municipalities do together
# The nox the README's two commands install (as this repository's README does).
NOX_VERSION = "2026.10.20"
YEARS = (1900, 2200)  # the years plan.schema.json accepts


class InitError(ValueError):
    """Bad arguments: a message key of the catalogue and its parameters."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key, self.params = key, params


@dataclass
class Municipality:
    id: str
    name: str
    prefecture: str | None = None


@dataclass
class NewPlan:
    name: str
    sphere: str
    start: int
    end: int
    municipalities: list[Municipality]
    central: list[str]


def _pair(text: str, option: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip() or not value.strip():
        raise InitError("init-bad-pair", option=option, value=text)
    return key.strip(), value.strip()


def parse(name: str, sphere: str, period: str, municipalities: list[str],
          central: list[str], prefectures: list[str]) -> NewPlan:
    """The arguments of ``keikaku init`` checked and parsed; InitError says what is wrong."""
    if not name.strip() or not sphere.strip():
        raise InitError("init-empty", option="--name" if not name.strip() else "--sphere")
    m = re.fullmatch(r"\s*(\d{4})\s*[-–〜~]\s*(\d{4})\s*", period)
    if m is None:
        raise InitError("init-bad-period", value=period)
    start, end = int(m.group(1)), int(m.group(2))
    if not (YEARS[0] <= start <= end <= YEARS[1]):
        raise InitError("init-bad-period", value=period)
    towns: list[Municipality] = []
    for text in municipalities:
        mid, mname = _pair(text, "--municipality")
        if not ID.fullmatch(mid) or mid in RESERVED_IDS:
            raise InitError("init-bad-id", id=mid)
        if any(t.id == mid for t in towns):
            raise InitError("init-duplicate-id", id=mid)
        towns.append(Municipality(mid, mname))
    if not towns:
        raise InitError("init-no-municipality")
    known = ", ".join(t.id for t in towns)
    for text in prefectures:
        mid, pref = _pair(text, "--prefecture")
        town = next((t for t in towns if t.id == mid), None)
        if town is None:
            raise InitError("init-unknown-id", option="--prefecture", id=mid, known=known)
        town.prefecture = pref
    if not central:
        raise InitError("init-no-central", known=known)
    for cid in central:
        if all(t.id != cid for t in towns):
            raise InitError("init-unknown-id", option="--central", id=cid, known=known)
    return NewPlan(name.strip(), sphere.strip(), start, end, towns, list(dict.fromkeys(central)))


def check_destination(dest: Path) -> None:
    """The folder must be absent or an empty folder: init never overwrites."""
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise InitError("init-not-empty", path=dest)


def _scalar(value: str | int) -> str:
    """A YAML scalar as written by PyYAML (quoted only where YAML needs it)."""
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True,
                          width=1_000).removesuffix("\n...\n").strip()


def plan_yaml(plan: NewPlan) -> str:
    towns = "".join(
        f"  - id: {t.id}\n    name: {_scalar(t.name)}\n"
        + (f"    prefecture: {_scalar(t.prefecture)}\n" if t.prefecture else "")
        for t in plan.municipalities)
    central = ", ".join(plan.central)
    # One agreement per municipality that is not a central city, as the national scheme
    # has it; the clerk transcribes each one's name and date.
    towns_out = [t.id for t in plan.municipalities if t.id not in plan.central] or plan.central
    agreements = "".join(f"#   - name: （協定の名称）\n#     municipalities: [{central}, {t}]\n"
                         "#     signed: YYYY-MM-DD\n" for t in towns_out)
    return f"""\
# 計画の基本情報（keikaku init が作成）。ページの名称や年はすべてここから入るため、
# 変えるときはここだけを直します。
name: {_scalar(plan.name)}
sphere: {_scalar(plan.sphere)}
municipalities:            # 計画に載せる順
{towns}central_cities: [{central}]
# 定住自立圏形成協定: 原資料から、協定ごとに次の形で転記します（「#」を外して書きます）。
# agreements:
{agreements}period:
  start: {plan.start}
  end: {plan.end}
# 成果指標の現状値・目標値の年度（指標ごとに別の年度も書けます）。keikaku init は
# 計画期間の前年度と最終年度を仮に入れています。原資料に合わせて直してください。
base_year: {plan.start - 1}
target_year: {plan.end}
budget_unit: 千円
"""


def structure_yaml(plan: NewPlan) -> str:
    roles = "".join(f"                {t.id}: {ph.AGREEMENT_ROLE}\n" for t in plan.municipalities)
    return f"""\
# 計画の体系: 政策分野の区分・政策分野・施策展開の基本的方向と、方向ごとの協定の内容。
# keikaku init は仮に１つずつ作っています。原資料から名称を転記し、残りを加えてください
# （「（…を記入）」が残っている箇所は keikaku check が「未記入」として示します）。
areas:
  - id: area-1
    name: {ph.AREA_NAME}
    fields:
      - id: field-1
        name: {ph.FIELD_NAME}
        directions:
          - id: direction-1
            name: {ph.DIRECTION_NAME}
            agreement:
              content: {ph.AGREEMENT_CONTENT}
              roles:
{roles}"""


def _template_values(plan: NewPlan, dest: Path) -> dict[str, str]:
    major, minor, *_ = __version__.split(".")
    dist = re.sub(r"[^A-Za-z0-9]+", "-", dest.resolve().name).strip("-").lower() or "plan"
    return {
        "name": plan.name,
        "sphere": plan.sphere,
        "municipality_names": "・".join(t.name for t in plan.municipalities),
        "first_year": str(plan.start),
        "dist_name": f"{dist}-plan" if not dist.endswith("plan") else dist,
        "keikaku_requirement": f"keikaku[plan]>={__version__},<{major}.{int(minor) + 1}",
        "nox_version": NOX_VERSION,
    }


def files(plan: NewPlan, dest: Path) -> dict[str, str]:
    """Every file of the new repository: relative path -> text."""
    values = _template_values(plan, dest)
    out: dict[str, str] = {}
    for path in sorted(TEMPLATES.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        rel = "/".join(RENAMED.get(part, part) for part in path.relative_to(TEMPLATES).parts)
        rel = rel.removesuffix(".in")  # pyproject.toml.in: not taken for a project's own
        out[rel] = Template(path.read_text(encoding="utf-8")).substitute(values)
    out["docs/data/plan.yaml"] = plan_yaml(plan)
    out["docs/data/structure.yaml"] = structure_yaml(plan)
    out["measures/.gitkeep"] = ""
    return out


def write(plan: NewPlan, dest: Path) -> list[Path]:
    """Write the repository into ``dest`` (absent or empty); never overwrite a file."""
    check_destination(dest)
    written = []
    for rel, text in files(plan, dest).items():
        path = dest / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as f:
            f.write(text)
        if rel in EXECUTABLE:
            path.chmod(0o755)
        written.append(path)
    return written
