"""The code checks, as `make test` runs them: `ruff check`, `ruff format --check` and `mypy` on scripts/ and
tests/, with the settings in pyproject.toml and the versions pinned in requirements-test.txt. A failure
shows the tools' own output; `.venv/bin/ruff format` and `.venv/bin/ruff check --fix` mend what they can."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

PATHS = ["scripts", "tests"]


def check(*command: str) -> None:
    proc = subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, f"`{' '.join(command)}` found:\n{proc.stdout}{proc.stderr}"


def test_ruff_check() -> None:
    check("ruff", "check", "--output-format", "concise", *PATHS)


def test_ruff_format() -> None:
    check("ruff", "format", "--check", *PATHS)


@pytest.mark.slow
def test_mypy() -> None:
    check("mypy", *PATHS)
