"""The house rules of the code (issue 9), checked: small modules and classes, a one-line docstring saying each
module's job, and the README's table of modules naming exactly the modules there are."""

from __future__ import annotations

import ast
import os
import re

import pytest

from conftest import ROOT

PACKAGE = os.path.join(ROOT, "scripts", "torv")
MAX_MODULE_LINES, MAX_CLASS_LINES = 450, 250


def modules() -> list[str]:
    """Every Python file of the package, relative to it (pages/home.py)."""
    found = []
    for folder, _, names in os.walk(PACKAGE):
        found += [os.path.relpath(os.path.join(folder, n), PACKAGE) for n in names if n.endswith(".py")]
    return sorted(found)


def tree(module: str) -> ast.Module:
    with open(os.path.join(PACKAGE, module), encoding="utf-8") as fh:
        return ast.parse(fh.read())


@pytest.mark.parametrize("module", modules())
def test_every_module_is_small_and_says_its_job(module: str) -> None:
    with open(os.path.join(PACKAGE, module), encoding="utf-8") as fh:
        lines = fh.read().count("\n")
    assert lines <= MAX_MODULE_LINES, f"{module} has {lines} lines (at most {MAX_MODULE_LINES}): split it by job"
    parsed = tree(module)
    doc = ast.get_docstring(parsed)
    assert doc, f"{module} has no docstring saying its job"
    for node in ast.walk(parsed):
        if isinstance(node, ast.ClassDef):
            size = (node.end_lineno or node.lineno) - node.lineno + 1
            assert size <= MAX_CLASS_LINES, f"{module}: class {node.name} has {size} lines (at most {MAX_CLASS_LINES})"


def readme_rooms() -> set[str]:
    """The modules and packages the README's architecture table names (`build.py`, `pages/`)."""
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as fh:
        readme = fh.read()
    section = readme.split("## How it works", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([\w/]+(?:\.py|/))` \|", section, re.M))


def test_the_readme_table_names_every_module_and_package() -> None:
    """A newcomer looks up which room a change belongs in: every top-level module and package is in the table,
    and the table names nothing that is not there."""
    rooms = {m for m in modules() if "/" not in m and m not in ("__init__.py", "__main__.py")}
    rooms |= {m.split("/")[0] + "/" for m in modules() if "/" in m}
    listed = readme_rooms()
    assert not rooms - listed, f"modules missing from README's 'How it works' table: {sorted(rooms - listed)}"
    assert not listed - rooms, f"README's table names modules that do not exist: {sorted(listed - rooms)}"
