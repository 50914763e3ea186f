"""Golden tests of the validator: each case is the base tree plus a few changed files, and the
exact lines an editor should see. See tests/golden/README.md for how to add a case."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
GOLDEN = REPO / "tests" / "golden"
BASE = GOLDEN / "base"
CASES = GOLDEN / "cases"
TODAY = "2026-11-22"

# Python leaking into an editor's message: never acceptable.
INTERNALS = re.compile(
    r"<class|Traceback|\bNone\b|\bNoneType\b|\bdict\b|\bstr\b|object at 0x|Error\("
    r"|\{'[^']*': |\['[^']*'[,\]]"
)  # and reprs: {'a': ...}, ['a', ...]


def case_names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if p.is_dir())


def build_tree(case: Path | None, dest: Path) -> Path:
    """Copy base to dest, delete what the case's remove.txt lists, then overlay its files/."""
    shutil.copytree(BASE, dest)
    if case is None:
        return dest
    remove = case / "remove.txt"
    if remove.is_file():
        for rel in remove.read_text(encoding="utf-8").splitlines():
            rel = rel.strip()
            if rel and not rel.startswith("#"):
                target = dest / rel
                assert target.exists(), f"{case.name}/remove.txt: {rel} is not in base"
                target.unlink()
    files = case / "files"
    if files.is_dir():
        for src in sorted(files.rglob("*")):
            if src.is_file():
                target = dest / src.relative_to(files)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, target)
    return dest


def case_args(case: Path | None) -> list[str]:
    if case is None or not (case / "args.txt").is_file():
        return []
    return shlex.split((case / "args.txt").read_text(encoding="utf-8"))


def run_validator(root: Path, args: list[str]) -> tuple[list[str], int]:
    proc = subprocess.run(
        [sys.executable, "-m", "torv", "validate", "--root", str(root), "--today", TODAY, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert proc.stderr == "", proc.stderr
    return proc.stdout.splitlines(), proc.returncode


def run_case(name: str | None, tmp: Path) -> tuple[list[str], int]:
    case = CASES / name if name else None
    root = build_tree(case, tmp / "site")
    return run_validator(root, case_args(case))


def expected(name: str) -> tuple[list[str], int]:
    case = CASES / name
    lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    code = int((case / "expected_exit.txt").read_text(encoding="utf-8").strip())
    return lines, code


def test_base_is_valid(tmp_path):
    lines, code = run_case(None, tmp_path)
    assert code == 0
    assert len(lines) == 1, lines
    assert re.fullmatch(r"0 errors, 0 warnings, \d+ files checked", lines[0]), lines


def test_enough_cases():
    assert len(case_names()) >= 34


@pytest.mark.parametrize("name", case_names())
def test_golden(name, tmp_path):
    want_lines, want_code = expected(name)
    lines, code = run_case(name, tmp_path)
    assert str(tmp_path) not in "\n".join(lines), "an absolute path leaked into the output"
    assert lines == want_lines
    assert code == want_code


@pytest.mark.parametrize("name", case_names())
def test_golden_expected_is_editor_friendly(name):
    text = (CASES / name / "expected.txt").read_text(encoding="utf-8")
    assert not INTERNALS.search(text), INTERNALS.findall(text)
    assert os.sep + "tmp" not in text
