"""The JSON Schemas of schemas/ and the conversion of YAML data to JSON values.

A plan's own ``schemas/`` folder is used when it has the file (this repository keeps
the schemas there); a plan made by ``keikaku init`` has none and uses the package's
copy (``keikaku/schemas``, a link to this repository's folder, shipped as package data),
so that a new plan depends on keikaku rather than on a copy of its formats."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

SCHEMA_FILES = {
    "plan": "plan.schema.json",
    "structure": "structure.schema.json",
    "population": "population.schema.json",
    "errata": "errata.schema.json",
    "measure": "measure.schema.json",
    "export": "export.schema.json",
    "comments": "comments.schema.json",
    "comparison": "comparison.schema.json",
    "facts": "facts.schema.json",
    "glossary": "glossary.schema.json",
    "report": "report.schema.json",
    "provenance": "provenance.schema.json",
}


def jsonable(value: Any) -> Any:
    """YAML data as JSON sees it: mapping keys as strings, dates as ISO strings."""
    if isinstance(value, dict):
        return {str(k) if not isinstance(k, bool) else str(k).lower(): jsonable(v)
                for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@cache
def _load(path: str) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


PACKAGE_SCHEMAS = Path(__file__).parent / "schemas"


def schema_path(root: Path, name: str) -> str:
    """The schema file ``name`` of the plan under ``root``, or else the package's."""
    own = root / "schemas" / SCHEMA_FILES[name]
    return str((own if own.is_file() else PACKAGE_SCHEMAS / SCHEMA_FILES[name]).resolve())


def schema(root: Path, name: str) -> dict[str, Any]:
    return _load(schema_path(root, name))


@cache
def _validator(path: str) -> Draft202012Validator:
    return Draft202012Validator(_load(path), format_checker=FormatChecker())


def validator(root: Path, name: str) -> Draft202012Validator:
    """The reference validator (python-jsonschema): complete errors, for messages."""
    return _validator(schema_path(root, name))


@cache
def _fast(path: str) -> Any:
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - an optional speed-up
        return None
    return jsonschema_rs.validator_for(_load(path), validate_formats=True)


def fast_validator(root: Path, name: str) -> Any:
    """jsonschema-rs when installed: answers 'valid?' about 20x faster. Only valid
    documents skip the reference validator, so messages never depend on it."""
    return _fast(schema_path(root, name))
