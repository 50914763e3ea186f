"""Problem codes: the catalogue (scripts/torv/codes.py), the reference in CONTENT.md and the validator agree.
Every code is used by a check, and every problem the validator reports carries a code from the catalogue."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, TORV
from test_golden import BASE, CASES, build_tree, case_names
from torv import codes
from torv.settings import ConfigError
from torv.site import load_site

PACKAGE = Path(ROOT) / "scripts" / "torv"
TODAY = dt.date(2026, 11, 22)


def content_md_table() -> list[str]:
    """The rows of the table under `## Problem codes` in CONTENT.md."""
    text = (Path(ROOT) / "CONTENT.md").read_text(encoding="utf-8")
    section = text.split("\n## Problem codes\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("|")]


def test_codes_are_numbered_in_order_with_unique_names():
    numbers = list(codes.CATALOGUE)
    assert numbers == [f"T{i:03d}" for i in range(1, len(numbers) + 1)], "in order, no gaps"
    names = [c.name for c in codes.CATALOGUE.values()]
    assert len(set(names)) == len(names)
    for c in codes.CATALOGUE.values():
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", c.name), c.name
        assert c.meaning.endswith(".") and c.wrong and c.right, c.code


def test_content_md_lists_every_code_with_its_example():
    rows = content_md_table()
    assert "\n".join(rows) == codes.markdown_table(), (
        "CONTENT.md's table of problem codes differs from scripts/torv/codes.py: replace it with the output of "
        "`.venv/bin/python -c 'from torv import codes; print(codes.markdown_table())'`"
    )
    listed = [row.split("|")[1].strip() for row in rows[2:]]
    assert listed == list(codes.CATALOGUE)


def test_every_code_is_used_by_a_check():
    source = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py") if p.name != "codes.py")
    constants = {
        name: value for name, value in vars(codes).items() if isinstance(value, str) and value in codes.CATALOGUE
    }
    assert sorted(constants.values()) == sorted(codes.CATALOGUE), "one constant per code"
    unused = [f"{value} {name}" for name, value in constants.items() if not re.search(rf"\bcodes\.{name}\b", source)]
    assert not unused, f"codes no check uses: {unused}"


def problems_of(root: Path) -> list:
    try:
        _, report = load_site(str(root), today=TODAY)
    except ConfigError as exc:
        report = exc.report
    return report.problems


def codes_of_golden_cases(tmp: Path) -> set[str]:
    found = set()
    for name in case_names():
        root = build_tree(CASES / name, tmp / name)
        for p in problems_of(root):
            assert p.code in codes.CATALOGUE, (name, p)
            found.add(p.code)
        shutil.rmtree(root)
    return found


NEWS, NEWS_SV = "news/2026/politik-vedtaget.da.md", "news/2026/politik-vedtaget.sv.md"
PILLAR, MKDOCS = "policy/pillars/dialog.da.md", "mkdocs.yml"
STATEMENT = (
    "status: fully\nassessed: 2026-11-02\nmethod: other\n"
    'contact: {email: erhverv@havbjerg.example, phone: "+45 72 10 20 00"}\n'
)
# Changes to the golden base for the codes that no golden case shows: (file, text in it, replacement);
# text None adds the file, replacement None deletes it.
Change = tuple[str, str | None, str | None]
MORE_CASES: dict[str, list[Change]] = {
    codes.MISPLACED_FILE: [("policy/notes.da.md", None, "---\ntitle: Noter\n---\n")],
    codes.MISSING_FILE: [("policy/contacts.yml", "", None)],
    codes.OUT_OF_RANGE: [(PILLAR, "order: 1", "order: 0")],
    codes.EMPTY_TEXT: [(NEWS, "summary: Den nye erhvervspolitik gælder fra 2026 til 2029.", 'summary: " "')],
    codes.PLACEHOLDER: [
        (
            NEWS_SV,
            "title: Kommunfullmäktige har antagit näringslivspolicyn",
            'title: "TODO: Kommunfullmäktige har antagit näringslivspolicyn"',
        )
    ],
    codes.HTML_IN_TEXT: [(NEWS, "title: Byrådet har", "title: Byrådet<br> har")],
    codes.INVALID_PICTURE_PATH: [(NEWS, "date: 2026-03-26", "date: 2026-03-26\nimage: /x.jpg\nimage_alt: X")],
    codes.RULE: [("docs/accessibility.yml", None, STATEMENT)],
    codes.ONE_DEFAULT_LANGUAGE: [(MKDOCS, "{code: sv, name: Svenska}", "{code: sv, name: Svenska, default: true}")],
    codes.UNKNOWN_TIME_ZONE: [(MKDOCS, "timezone: Europe/Copenhagen", "timezone: Copenhagen")],
    codes.CNAME_WITHOUT_SITE_URL: [
        (MKDOCS, "site_url: https://havbjerg.example/\n", ""),
        (MKDOCS, "phone_region: DK", "phone_region: DK\n    cname: true"),
    ],
}


def changed_base(tmp: Path, changes: list[Change]) -> Path:
    root = tmp / "site"
    shutil.copytree(BASE, root)
    for rel, old, new in changes:
        target = root / rel
        if new is None:
            target.unlink()
        elif old is None:
            target.write_text(new, encoding="utf-8")
        else:
            text = target.read_text(encoding="utf-8")
            assert old in text, (rel, old)
            target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


@pytest.mark.parametrize("code", sorted(MORE_CASES))
def test_a_change_to_the_base_gives_the_code(tmp_path, code):
    found = problems_of(changed_base(tmp_path, MORE_CASES[code]))
    assert code in {p.code for p in found}, [p.text() for p in found]
    assert all(p.code in codes.CATALOGUE for p in found)


def test_every_code_is_shown_by_a_golden_case_or_a_change_above(tmp_path):
    missing = set(codes.CATALOGUE) - codes_of_golden_cases(tmp_path) - set(MORE_CASES)
    assert not missing, f"no case shows {sorted(missing)}: add a golden case (tests/golden/README.md)"


@pytest.mark.parametrize("fmt", ["json", "github"])
def test_the_code_is_in_the_json_and_github_formats(tmp_path, fmt):
    root = build_tree(CASES / "tag-unknown", tmp_path / "site")
    proc = subprocess.run(
        [*TORV, "validate", "--root", str(root), "--today", "2026-11-22", "--format", fmt],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1, proc.stderr
    if fmt == "json":
        problems = json.loads(proc.stdout)["problems"]
        assert [p["code"] for p in problems] == [codes.UNKNOWN_REFERENCE]
        assert list(problems[0]) == ["code", "path", "line", "field", "message", "severity"]
    else:
        assert f",title=Torv {codes.UNKNOWN_REFERENCE}::" in proc.stdout.splitlines()[0]


def test_base_has_no_problems():
    assert problems_of(BASE) == []
