"""Torv is an installed package (pyproject.toml): the `torv` command and `python -m torv` with a --help for
every subcommand, every file the code reads is part of the package, and no code puts a folder on sys.path."""

from __future__ import annotations

import glob
import os
import re
import subprocess
import sys
import tomllib

import pytest

from conftest import ROOT, TORV

COMMANDS = ["validate", "build", "assemble", "check", "serve", "new", "init", "schemas", "bench"]
PACKAGE = os.path.join(ROOT, "scripts", "torv")


def torv(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*TORV, *args], capture_output=True, text=True, timeout=60)


def test_the_torv_command_is_installed_next_to_python() -> None:
    script = os.path.join(os.path.dirname(sys.executable), "torv")
    assert os.path.isfile(script), "run `make build`: it installs Torv into .venv/"
    proc = subprocess.run([script, "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("usage: torv ")


def test_torv_help_lists_every_command() -> None:
    proc = torv("--help")
    assert proc.returncode == 0, proc.stderr
    listed = re.findall(r"^ {4}(\w+) ", proc.stdout, re.M)
    assert listed == COMMANDS


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_its_help(command: str) -> None:
    proc = torv(command, "--help")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"usage: torv {command} ")
    assert "options:" in proc.stdout


@pytest.mark.parametrize("kind", ["news", "meeting", "commitment"])
def test_every_kind_of_new_content_has_its_help(kind: str) -> None:
    proc = torv("new", kind, "--help")
    assert proc.returncode == 0 and proc.stdout.startswith(f"usage: torv new {kind} "), proc.stderr


def test_a_missing_or_unknown_command_is_a_usage_error() -> None:
    for args in ([], ["publish"]):
        proc = torv(*args)
        assert proc.returncode == 2 and proc.stderr.startswith("usage: torv "), proc
        assert proc.stdout == ""


def test_every_file_the_code_reads_is_packaged() -> None:
    """A normal (non-editable) install gets the package-data of pyproject.toml: every file beside the code."""
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as fh:
        patterns = tomllib.load(fh)["tool"]["setuptools"]["package-data"]["torv"]
    packaged = {p for pattern in patterns for p in glob.glob(os.path.join(PACKAGE, pattern), recursive=True)}
    for folder, dirs, files in os.walk(PACKAGE):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in files:
            path = os.path.join(folder, name)
            if not name.endswith(".py"):
                assert path in packaged, f"{os.path.relpath(path, ROOT)}: add it to package-data in pyproject.toml"


def test_the_package_reads_its_dependencies_from_requirements_txt() -> None:
    """requirements.txt is the one list of what Torv needs (pyproject.toml says so and reads it)."""
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as fh:
        project = tomllib.load(fh)
    assert "dependencies" not in project["project"] and "dependencies" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["dependencies"] == {"file": ["requirements.txt"]}


def test_no_code_puts_a_folder_on_sys_path() -> None:
    found = []
    for pattern in ("scripts/**/*.py", "tests/**/*.py"):
        for path in glob.glob(os.path.join(ROOT, pattern), recursive=True):
            with open(path, encoding="utf-8") as fh:
                for i, line in enumerate(fh, 1):
                    if re.search(r"sys\.path\.(insert|append)|PYTHONPATH", line) and path != __file__:
                        found.append(f"{os.path.relpath(path, ROOT)}:{i}: {line.strip()}")
    assert not found, "import the installed package instead:\n" + "\n".join(found)
