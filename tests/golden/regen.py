#!/usr/bin/env python3
"""Rewrite the expected output of golden cases from what the validator prints now.

    .venv/bin/python tests/golden/regen.py            # every case
    .venv/bin/python tests/golden/regen.py image-*    # cases matching a pattern
    .venv/bin/python tests/golden/regen.py --check    # only show differences, write nothing

Prints a diff for every case whose output changed. The validator's output is the spec here:
read every changed line before you commit it (right file, right line, field named, expected vs
found, an example of the valid form).
"""

from __future__ import annotations

import difflib
import fnmatch
import importlib.util
import sys
import tempfile
from pathlib import Path

# The cases and how they run are test_golden.py's: loaded from its file (tests/ is not a package).
_spec = importlib.util.spec_from_file_location("test_golden", Path(__file__).resolve().parent.parent / "test_golden.py")
assert _spec and _spec.loader
test_golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(test_golden)
CASES, case_names, run_case = test_golden.CASES, test_golden.case_names, test_golden.run_case


def main(argv: list[str]) -> int:
    check = "--check" in argv
    patterns = [a for a in argv if not a.startswith("--")] or ["*"]
    names = [n for n in case_names() if any(fnmatch.fnmatch(n, p) for p in patterns)]
    changed = 0
    for name in names:
        with tempfile.TemporaryDirectory() as tmp:
            lines, code = run_case(name, Path(tmp))
        case = CASES / name
        new_text = "\n".join(lines) + "\n"
        new_exit = f"{code}\n"
        exp, ex = case / "expected.txt", case / "expected_exit.txt"
        old_text = exp.read_text(encoding="utf-8") if exp.is_file() else ""
        old_exit = ex.read_text(encoding="utf-8") if ex.is_file() else ""
        if old_text == new_text and old_exit == new_exit:
            continue
        changed += 1
        print(f"== {name} (exit {old_exit.strip() or '?'} -> {code})")
        sys.stdout.writelines(
            difflib.unified_diff(old_text.splitlines(True), new_text.splitlines(True), "expected.txt", "now", n=0)
        )
        if not check:
            exp.write_text(new_text, encoding="utf-8")
            ex.write_text(new_exit, encoding="utf-8")
    print(f"{len(names)} cases, {changed} {'differ' if check else 'rewritten'}")
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
