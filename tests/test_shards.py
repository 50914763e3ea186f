"""Languages built apart (`torv build --lang CODE --out FOLDER`, e.g. on separate CI runners) and put together
with the root pages (`torv assemble`): the same site, file for file, as one build; nothing assembled while a
language is missing; an unknown language refused."""

from __future__ import annotations

import filecmp
import os
import subprocess

import pytest

from conftest import BUILD_DATE, TORV, copy_repo, run_build

pytestmark = pytest.mark.slow


def files_of(folder: str) -> set[str]:
    return {os.path.relpath(os.path.join(d, f), folder) for d, _, fs in os.walk(folder) for f in fs}


def assemble(root: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*TORV, "assemble", "--root", root, "--today", BUILD_DATE, *args], capture_output=True, text=True
    )


def test_languages_built_apart_and_assembled_are_the_site_of_one_build(tmp_path, site_dir):
    (tmp_path / "repo").mkdir()
    root = copy_repo(str(tmp_path / "repo"))
    shards = tmp_path / "shards"
    for langs in ("sv", "da,en"):
        proc = run_build(root, "--lang", langs, "--out", str(shards / langs))
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert "torv assemble" in proc.stdout
        assert sorted(os.listdir(shards / langs)) == sorted(langs.split(",")), "a language's folder, no root pages"
    assert not os.path.exists(os.path.join(root, "site")), "a shard is not the site"
    # one language is not a site
    proc = assemble(root, "--out", str(tmp_path / "half"), str(shards / "sv"))
    assert proc.returncode == 2 and "no built da, en" in proc.stdout
    assert not os.path.exists(tmp_path / "half")
    proc = assemble(root, str(shards / "sv"), str(shards / "da,en"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    site = os.path.join(root, "site")
    assert files_of(site) == files_of(site_dir)
    _, mismatch, errors = filecmp.cmpfiles(site, site_dir, sorted(files_of(site)), shallow=False)
    assert not mismatch and not errors, (mismatch, errors)


def test_an_unknown_language_is_refused(tmp_path):
    root = copy_repo(str(tmp_path))
    proc = run_build(root, "--lang", "xx")
    assert proc.returncode == 2
    assert "--lang xx: not a language of the site; expected one of da, sv, en" in proc.stdout
