"""The editor guide (EDITORS.md, EDITORS.da.md) and the editor support files.

Every command in the guides (the lines of their ```sh blocks) is run, in a temporary copy of the
repository, exactly as written; the editor's web-browser steps are prose.
"""

from __future__ import annotations

import glob
import json
import os
import re
import shutil
import subprocess

import pytest
import yaml

from conftest import FIXTURE, ROOT, copy_repo

GUIDES = {"en": os.path.join(ROOT, "EDITORS.md"), "da": os.path.join(ROOT, "EDITORS.da.md")}
# What the guide must walk through (the list), as the English headings say it.
TOPICS = [
    "publish a news item",
    "link to another page",
    "attach a document",
    "announce a meeting",
    "announce an all-day meeting",
    "cancel a meeting",
    "add a translation",
    "phone number",
    "opening hours",
    "commitment",
    "validation error",
    "after merge",
]


def read(path: str) -> str:
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def commands(text: str) -> list[str]:
    out = []
    for block in re.findall(r"^```sh\n(.*?)^```", text, re.S | re.M):
        out += [line.strip() for line in block.splitlines() if line.strip() and not line.strip().startswith("#")]
    return out


def headings(text: str) -> list[str]:
    return re.findall(r"^## (.+)$", text, re.M)


def repo_copy(dest: str) -> str:
    """Content, configuration, Makefile, package and scripts; .venv is the repository's own (already set up,
    with Torv installed from the repository itself)."""
    os.makedirs(dest, exist_ok=True)
    copy_repo(dest)
    installed = ("requirements.txt", "requirements-test.txt", "pyproject.toml")
    for name in ("Makefile", *installed):
        shutil.copy2(os.path.join(ROOT, name), os.path.join(dest, name))
    # The .venv is set up already (its stamps are newer than these): make never reinstalls into it, which
    # would point the repository's .venv at this temporary copy.
    for name in installed:
        os.utime(os.path.join(dest, name), (0, 0))
    shutil.copytree(
        os.path.join(ROOT, "scripts"), os.path.join(dest, "scripts"), ignore=shutil.ignore_patterns("__pycache__")
    )
    os.symlink(os.path.join(ROOT, ".venv"), os.path.join(dest, ".venv"))
    return dest


def run(command: str, cwd: str) -> subprocess.CompletedProcess:
    if not shutil.which("make"):
        pytest.fail("`make` is not installed: the guide's commands need it (apt-get install make)")
    if not os.path.exists(os.path.join(ROOT, ".venv", ".build")):
        pytest.fail("set up .venv with `make build` (or `make test`) first")
    # As an editor types it: nothing from a make that runs the tests (`make test ARGS=...` exports ARGS).
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "ARGS")}
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_the_guide_exists_in_english_and_danish_and_each_links_the_other():
    en, da = read(GUIDES["en"]), read(GUIDES["da"])
    assert "(EDITORS.da.md)" in en and "(EDITORS.md)" in da
    assert len(headings(en)) == len(headings(da)), "the two guides have the same sections"
    assert commands(en) == commands(da), "the two guides show the same commands"


def test_the_guide_walks_through_every_task():
    titles = " | ".join(headings(read(GUIDES["en"]))).lower()
    for topic in TOPICS:
        assert topic in titles, f"EDITORS.md has no section about {topic!r}: {titles}"


@pytest.mark.parametrize("lang", ["en", "da"])
def test_every_command_in_the_text_is_in_a_runnable_block(lang):
    text = read(GUIDES[lang])
    runnable = commands(text)
    assert runnable, "the guide shows the commands for people who work on their own computer"
    for span in re.findall(r"`(make [^`]*)`", text):
        assert any(c == span or c.startswith(span + " ") for c in runnable), (
            f"`{span}` is mentioned but not shown in a ```sh block, so no test runs it"
        )
    for line in re.findall(r"^```(\w*)", text, re.M):
        assert line in ("", "sh", "markdown", "yaml", "text"), f"unexpected code block language {line!r}"


@pytest.fixture(scope="module")
def guide_commands() -> list[str]:
    """Each distinct command of both guides, in the order they appear."""
    seen = []
    for lang in ("en", "da"):
        for c in commands(read(GUIDES[lang])):
            if c not in seen:
                seen.append(c)
    return seen


def test_every_command_in_the_guides_runs(guide_commands, tmp_path):
    """Each command runs in a fresh copy of the repository, as an editor would type it."""
    assert {c.split()[1] for c in guide_commands} >= {"news", "meeting", "commitment", "validate", "build"}
    for i, command in enumerate(guide_commands):
        root = repo_copy(str(tmp_path / f"c{i}"))
        proc = run(command, root)
        out = proc.stdout + proc.stderr
        assert proc.returncode == 0, f"`{command}` failed:\n{out}"
        target = command.split()[1]
        if target in ("news", "meeting"):
            created = [line.split()[0] for line in proc.stdout.splitlines() if line.startswith("  news/")]
            assert len(created) == 3 and all(os.path.isfile(os.path.join(root, f)) for f in created), out
        elif target == "commitment":
            changed = [line.split()[0] for line in proc.stdout.splitlines() if line.startswith("  policy/")]
            assert len(changed) == 3, out
            with open(os.path.join(root, changed[0]), encoding="utf-8") as fh:
                assert "status: planned" in fh.read()
        elif target == "validate":
            assert re.search(r"^0 errors, ", proc.stdout, re.M), out
        elif target == "build":
            assert os.path.isfile(os.path.join(root, "site", "index.html")), out


def test_vscode_maps_the_json_schemas_onto_the_yaml_files():
    from torv.schemas import DATA_FILE_SCHEMAS, all_schemas

    with open(os.path.join(ROOT, ".vscode", "settings.json"), encoding="utf-8") as fh:
        settings = json.load(fh)
    mapping = settings["yaml.schemas"]
    assert sorted(mapping.values()) == sorted(DATA_FILE_SCHEMAS), "every YAML data file has its schema"
    for schema, target in mapping.items():
        assert os.path.isfile(os.path.join(ROOT, schema)), schema
        assert os.path.basename(schema) == DATA_FILE_SCHEMAS[target] in all_schemas(), (schema, target)
        assert glob.glob(os.path.join(FIXTURE, target)), target
    with open(os.path.join(ROOT, ".vscode", "extensions.json"), encoding="utf-8") as fh:
        assert "redhat.vscode-yaml" in json.load(fh)["recommendations"]


@pytest.mark.parametrize("rel", ["policy/contacts.yml", "news/tags.yml", "docs/accessibility.yml"])
def test_each_yaml_data_file_names_its_schema_on_its_first_line(rel):
    """The YAML language server's modeline: completion and checks in any editor that runs it."""
    from torv.schemas import DATA_FILE_SCHEMAS

    with open(os.path.join(FIXTURE, rel), encoding="utf-8") as fh:  # as it stands at a repository's top
        first = fh.readline().strip()
    m = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert m, f"{rel} starts with {first!r}"
    schema = os.path.normpath(os.path.join(ROOT, os.path.dirname(rel), m.group(1)))
    assert schema == os.path.join(ROOT, "scripts", "schemas", DATA_FILE_SCHEMAS[rel])
    assert os.path.isfile(schema)


def test_pre_commit_runs_the_validator(tmp_path):
    with open(os.path.join(ROOT, ".pre-commit-config.yaml"), encoding="utf-8") as fh:
        config = yaml.safe_load(fh)
    [repo] = config["repos"]
    assert repo["repo"] == "local"
    [hook] = repo["hooks"]
    assert hook["language"] == "system" and hook["pass_filenames"] is False
    assert hook["entry"] == "make validate", "the README's command, which runs `torv validate`"
    for path in ("news/2026/x.da.md", "policy/contacts.yml", "docs/om.da.md", "mkdocs.yml"):
        assert re.search(hook["files"], path), path
    assert not re.search(hook["files"], "scripts/torv/cli.py")
    root = repo_copy(str(tmp_path / "repo"))
    ok = run(hook["entry"], root)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    with open(os.path.join(root, "policy", "contacts.yml"), "a", encoding="utf-8") as fh:
        fh.write("unknown_field: 1\n")
    bad = run(hook["entry"], root)
    assert bad.returncode != 0 and "policy/contacts.yml" in bad.stdout, "an error stops the commit"
