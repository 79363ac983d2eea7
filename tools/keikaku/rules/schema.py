"""Schema rule: each data file against its JSON Schema, with messages a person can act on."""

from __future__ import annotations

import difflib
import itertools
import re
from pathlib import Path
from typing import Any

from jsonschema.exceptions import ValidationError

from ..load import Document
from ..messages import render
from ..problems import Problem, localize
from ..schemas import fast_validator, jsonable, validator

MAX_PER_FILE = 10
# Errors gathered (and sorted by line) per file: a file of 100,000 wrong items is
# reported in a moment, as the first ten and "more than ... others".
MAX_GATHERED = 100
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．，－", "0123456789.,-")
_NUMERIC = re.compile(r"^-?[0-9][0-9,]*(\.[0-9]+)?$")


# The key patterns of the package's schemas (propertyNames), said in words: a key of
# the wrong form is reported with what a key there looks like (tests/test_rule_cases.py
# requires a form for every such pattern of the schemas).
KEY_FORMS = {
    "^20[0-9]{2}$": "key-form-fiscal-year",
    "^[0-9]{4}$": "key-form-fiscal-year",
    "^(19|20|21)[0-9]{2}$": "key-form-year",
    "^[a-z][a-z0-9-]*$": "key-form-id",
    "^[a-z][a-z0-9_]*$": "key-form-name",
    "^keikaku\\.[a-z-]+$": "key-form-check-code",
}


def _path_text(path: list[Any]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(全体)"


def _as_number_text(value: str) -> str | None:
    """If ``value`` is a number written as text, the number as it should be written."""
    stripped = re.sub(r"[^0-9０-９.,．，\-－]", "", value)
    if not stripped:
        return None
    half = stripped.translate(FULLWIDTH_DIGITS)
    if not _NUMERIC.match(half):
        return None
    return half.replace(",", "")


def _numeric(expected: object) -> str | None:
    """"number" or "integer" when a schema's type asks for one (also among others, as an
    actual that may be a number, null or a mapping)."""
    types = expected if isinstance(expected, list) else [expected]
    return next((t for t in ("integer", "number") if t in types), None)


def _problem(doc: Document, error: ValidationError) -> Problem:
    path = list(error.absolute_path)
    where = _path_text(path)
    kind = error.validator
    instance = error.instance
    line = doc.line_of(tuple(path))
    params: dict[str, object]
    if kind == "required":
        missing = [k for k in error.validator_value if k not in instance]
        key, params = "schema-required", {"name": missing[0] if missing else "?"}
    elif kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        extra = [k for k in instance if k not in allowed]
        name = extra[0] if extra else "?"
        close = difflib.get_close_matches(name, allowed, n=1)
        hint = {"name": close[0]} if close else None
        line = doc.line_of((*path, name))
        key, params = "schema-unknown-key", {"name": name, "hint": hint}
    elif kind == "type" and isinstance(instance, str) and _numeric(error.validator_value):
        fixed = _as_number_text(instance)
        if fixed is not None and fixed != instance.replace(",", ""):
            has_fullwidth = any("０" <= ch <= "９" for ch in instance)
            key = "schema-fullwidth" if has_fullwidth else "schema-number-as-text"
            params = {"value": repr(instance), "fixed": fixed}
        elif fixed is not None:
            key, params = "schema-number-as-text", {"value": repr(instance), "fixed": fixed}
        else:
            key, params = "schema-type", {
                "value": repr(instance), "expected": f"@type-{_numeric(error.validator_value)}"}
    elif kind == "type":
        expected = error.validator_value
        expected = expected[0] if isinstance(expected, list) else expected
        key, params = "schema-type", {"value": repr(instance), "expected": f"@type-{expected}"}
    elif kind == "enum":
        allowed = " / ".join(str(v) for v in error.validator_value)
        key, params = "schema-enum", {"value": repr(instance), "allowed": allowed}
    elif kind == "pattern" and "propertyNames" in error.relative_schema_path \
            and error.validator_value in KEY_FORMS:
        # a key of the wrong form: the instance is the key, the path its mapping's
        line = doc.line_of((*path, instance))
        key, params = "schema-key-form", {
            "name": instance, "form": f"@{KEY_FORMS[error.validator_value]}"}
    else:
        key, params = "schema-other", {"detail": error.message}
    detail_key = key
    return Problem(
        "keikaku.schema", doc.rel, line, "schema",
        {"path": where, "detail": _Deferred(detail_key, params)},
    )


class _Deferred:
    """A nested message, rendered in the problem's language when formatted."""

    def __init__(self, key: str, params: dict[str, object]) -> None:
        self.key, self.params = key, params

    def render(self, lang: str) -> str:
        return render(self.key, lang, **{k: localize(v, lang) for k, v in self.params.items()})


def check_document(root: Path, doc: Document, schema_name: str) -> list[Problem]:
    """Validate one parsed document; returns its problems (empty when valid)."""
    return check_documents(root, [doc], schema_name)


def check_documents(root: Path, docs: list[Document], schema_name: str) -> list[Problem]:
    """Validate parsed documents of one kind, finding the schema once."""
    fast = fast_validator(root, schema_name)
    problems: list[Problem] = []
    for doc in docs:
        if doc.ok and not _fast_valid(fast, doc.data):
            problems += _check(root, doc, schema_name)
    return problems


def _fast_valid(fast: Any, data: Any) -> bool:
    """jsonschema-rs's answer, when it has one: it reads YAML data as JSON sees it
    only when every key is a string and no value is a date (it refuses the rest), so
    other data is first converted, as the reference validator gets it."""
    if fast is None:
        return False
    try:
        return bool(fast.is_valid(data))
    except ValueError:
        return bool(fast.is_valid(jsonable(data)))


def _check(root: Path, doc: Document, schema_name: str) -> list[Problem]:
    instance = jsonable(doc.data)
    gathered = list(itertools.islice(validator(root, schema_name).iter_errors(instance),
                                     MAX_GATHERED + 1))
    errors = sorted(gathered[:MAX_GATHERED],
                    key=lambda e: (doc.line_of(tuple(e.absolute_path)), str(e.validator)))
    problems = [_problem(doc, e) for e in errors[:MAX_PER_FILE]]
    if len(gathered) > MAX_PER_FILE:
        problems.append(
            Problem("keikaku.schema", doc.rel, None,
                    "more-errors-many" if len(gathered) > MAX_GATHERED else "more-errors",
                    {"count": len(errors) - MAX_PER_FILE})
        )
    if problems:
        doc.ok = False
    return problems
