"""Choosing the renderer: `build --renderer`, the setting extra.torv.renderer, Zensical's own configuration
per language, and clear messages (no traceback) for a wrong name or a renderer that is not installed."""

from __future__ import annotations

import importlib.util
import os
import subprocess

import pytest
import yaml

from conftest import BUILD_DATE, TORV, copy_repo, run_build
from torv import render
from torv.build import build


def set_renderer(root: str, value: str) -> None:
    path = os.path.join(root, "mkdocs.yml")
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(
            text.replace(
                "    timezone: Europe/Copenhagen\n", f"    timezone: Europe/Copenhagen\n    renderer: {value}\n", 1
            )
        )


def test_zensical_config_names_its_paths_from_its_own_folder():
    generated = (
        "INHERIT: ../mkdocs.yml\ndocs_dir: sv/docs\nsite_dir: sv/site\n"
        "theme:\n  language: sv\n  custom_dir: ../overrides\n"
    )
    cfg = yaml.safe_load(render.zensical_config(generated, "sv"))
    assert cfg["INHERIT"] == "../mkdocs.sv.yml"
    assert (cfg["docs_dir"], cfg["site_dir"]) == ("docs", "site")  # below build/sv/, where it lives
    assert cfg["theme"]["custom_dir"] == "../../overrides"
    assert cfg["theme"]["variant"] == "classic"
    assert all(name.startswith("material/") for name in cfg["theme"]["icon"].values())


def test_an_unknown_renderer_is_a_usage_error(tmp_path):
    proc = run_build(str(tmp_path), "--renderer", "sphinx")
    assert proc.returncode == 2
    assert "invalid choice: 'sphinx'" in proc.stderr and "Traceback" not in proc.stderr


def test_an_unknown_renderer_setting_is_reported_with_the_choices(tmp_path):
    root = copy_repo(str(tmp_path))
    set_renderer(root, "hugo")
    proc = run_build(root, "--renderer", "material")
    out = proc.stdout + proc.stderr
    assert proc.returncode == 2 and "extra.torv.renderer" in out and "zensical" in out, out
    assert "Traceback" not in out


def test_a_renderer_that_is_not_installed_is_named_with_how_to_install_it(tmp_path, monkeypatch):
    root = copy_repo(str(tmp_path))
    monkeypatch.setattr(render.importlib.util, "find_spec", lambda name: None)
    lines: list[str] = []
    assert build(root, renderer="zensical", log=lines.append) == 2
    assert "requirements-zensical.txt" in "\n".join(lines), lines
    assert not os.path.exists(os.path.join(root, "site"))


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("zensical") is None, reason="Zensical is not installed")
def test_the_setting_chooses_the_renderer_and_the_option_overrides_it(tmp_path):
    root = copy_repo(str(tmp_path))
    set_renderer(root, "zensical")
    # no --renderer (run_build would name the one under test)
    proc = subprocess.run([*TORV, "build", "--root", root, "--today", BUILD_DATE], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert os.path.isfile(os.path.join(root, "site", "da", "search.json"))  # Zensical's index
    assert os.path.isfile(os.path.join(root, "build", "da", "zensical.yml"))
    proc = run_build(root, "--renderer", "material")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert os.path.isfile(os.path.join(root, "site", "da", "search", "search_index.json"))


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("zensical") is None, reason="Zensical is not installed")
def test_a_zensical_warning_stops_the_build_with_its_message_and_no_traceback(tmp_path):
    """Zensical's strict mode also stops at a link to a page that does not exist (Material lets it pass). Torv's
    validator stops such a link in the content first, so it is put into the generated tree for Zensical to find."""
    from torv import render

    root = copy_repo(str(tmp_path))
    source = os.path.join(root, "docs", "om.da.md")
    with open(source, encoding="utf-8") as fh:
        original = fh.read()
    with open(source, "a", encoding="utf-8") as fh:
        fh.write("\nSe [denne side](findes-ikke.md).\n")
    proc = run_build(root, "--renderer", "zensical")
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1 and "findes-ikke.md leads to no page" in out and "Nothing was built" in out, out
    assert not os.path.exists(os.path.join(root, "site"))
    with open(source, "w", encoding="utf-8") as fh:
        fh.write(original)
    assert run_build(root, "--renderer", "zensical").returncode == 0
    with open(os.path.join(root, "build", "da", "docs", "om.md"), "a", encoding="utf-8") as fh:
        fh.write("\nSe [denne side](findes-ikke.md).\n")
    run = render.render_language(render.renderer("zensical"), os.path.join(root, "build"), "da", True)
    assert run.returncode != 0, run.output
    assert "page does not exist" in run.output and "om.md:" in run.output
    assert "Traceback" not in run.output and "\x1b[" not in run.output
