"""The hosting files validate with the tools made for them (they cannot run here)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from .conftest import REPO

BIN = [sys.executable, "-m"]


@pytest.mark.parametrize(("schema", "path"), [
    ("vendor.github-workflows", ".github/workflows/ci.yml"),
    ("vendor.readthedocs", ".readthedocs.yaml"),
])
def test_validates_with_check_jsonschema(schema: str, path: str) -> None:
    run = subprocess.run([*BIN, "check_jsonschema", "--builtin-schema", schema, str(REPO / path)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_pre_commit_config_validates() -> None:
    run = subprocess.run([*BIN, "pre_commit", "validate-config", ".pre-commit-config.yaml"],
                         capture_output=True, text=True, check=False, cwd=REPO)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_commands_they_call_exist() -> None:
    """Each command line the workflow files run is one the README or noxfile defines."""
    ci = (REPO / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci_run = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    test_command = next(line for line in ci.splitlines() if "nox -s tests" in line)
    test_command = test_command.split("run:", 1)[1].strip()
    assert test_command in readme and test_command in ci_run
    for session in ("tests", "build"):
        assert f"def {session}(" in (REPO / "noxfile.py").read_text(encoding="utf-8")
    rtd = (REPO / ".readthedocs.yaml").read_text(encoding="utf-8")
    assert "-b keikakupdf" in rtd and "-b html" in rtd
