"""Render the build tree: one run of the chosen renderer (Material for MkDocs or Zensical) per language.

Both read the same generated `build/mkdocs.<lang>.yml` and Torv's templates in overrides/; each writes
its pages to `build/<lang>/site/`. What differs between them for the build is here and nowhere else:
the command and Zensical's own configuration file.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from typing import NamedTuple

import yaml

RENDERERS = ("material", "zensical")
DEFAULT = "material"

# Zensical's defaults differ from Material's look (variant "modern", Lucide icons). Named here, both
# renderers draw the same page: Material's classic look and its icons (the names Material falls back to).
ZENSICAL_THEME = {
    "variant": "classic",
    "icon": {
        "menu": "material/menu",
        "alternate": "material/translate",
        "search": "material/magnify",
        "close": "material/close",
        "previous": "material/arrow-left",
        "next": "material/arrow-right",
        "edit": "material/file-edit-outline",
        "view": "material/file-eye-outline",
        "top": "material/arrow-up",
        "share": "material/share-variant",
    },
}


# The stylesheets a renderer's own script writes into the page at run time, which the page's Content-Security-
# Policy cannot find in the page and allows by their hash (finish/csp.py). Zensical 0.0.73: its search
# dialog's stylesheet, written into a shadow root. A new version's shows as a violation naming its hash in
# tests/test_csp.py (TORV_RENDERER=zensical), and tests/test_csp.py checks this one against the installed bundle.
ZENSICAL_SCRIPT_STYLES = ("'sha256-NwSx/R2V/U4jnW0Tq5pQ53Y/rzPVJ4dqE7D6UTA/J1k='",)

# Zensical's command line, with its own message instead of a traceback when the build is aborted.
ZENSICAL_BUILD = """import sys
from zensical.main import cli
try:
    cli(sys.argv[1:], standalone_mode=False)
except Exception as exc:
    sys.exit(str(exc))
"""
ANSI = re.compile(r"\x1b\[[0-9;]*m")
ZENSICAL_CHATTER = ("Build started", "No issues found", "Build finished")


class RendererMissing(Exception):
    """The renderer is not installed (Zensical is optional: requirements-zensical.txt)."""


class Run(NamedTuple):
    """One renderer run for one language."""

    lang: str
    returncode: int
    output: str


@dataclass(frozen=True)
class Renderer:
    name: str
    module: str  # the Python package that renders
    script_styles: tuple[str, ...] = ()  # CSP sources of the stylesheets its script writes (finish/csp.py)

    @property
    def addresses_from_file(self) -> bool:
        """Zensical reads every relative address in a page's text (Markdown links and raw HTML alike) from the
        folder of the page's Markdown file; MkDocs converts only links to files and leaves other addresses for the
        browser, which reads them from the page's own address (one folder deeper)."""
        return self.name == "zensical"

    def config_path(self, build_dir: str, lang: str) -> str:
        if self.name == "zensical":
            # Its own folder: Zensical wants site_dir below the config's folder and keeps a .cache there;
            # one folder per language lets the three languages render at the same time.
            return os.path.join(build_dir, lang, "zensical.yml")
        return os.path.join(build_dir, f"mkdocs.{lang}.yml")

    def command(self, config: str, strict: bool) -> list[str]:
        args = ["build", "-f", config] + (["--strict"] if strict else [])
        if self.name == "zensical":
            return [sys.executable, "-c", ZENSICAL_BUILD, *args]
        return [sys.executable, "-m", "mkdocs", *args, "-q"]


MATERIAL = Renderer("material", "material")
ZENSICAL = Renderer("zensical", "zensical", ZENSICAL_SCRIPT_STYLES)
BY_NAME = {r.name: r for r in (MATERIAL, ZENSICAL)}


def renderer(name: str | None) -> Renderer:
    """The renderer called `name` (None: Material), checked to be installed."""
    chosen = BY_NAME[name or DEFAULT]
    if importlib.util.find_spec(chosen.module) is None:
        hint = " -r requirements-zensical.txt" if chosen.name == "zensical" else " -r requirements.txt"
        raise RendererMissing(
            f"the renderer {chosen.name} is not installed: run `{sys.executable} -m pip install{hint}`"
        )
    return chosen


def zensical_config(mkdocs_config: str, lang: str) -> str:
    """Zensical's configuration of a language (build/<lang>/zensical.yml), from the generated MkDocs one.

    Paths in it are relative to its own folder, so the ones the MkDocs configuration names relative to
    build/ (docs_dir, site_dir, theme.custom_dir) are named again from one folder further down."""
    inherited = yaml.safe_load(mkdocs_config) or {}
    theme = inherited.get("theme") or {}
    zensical_theme: dict[str, object] = dict(ZENSICAL_THEME)
    if theme.get("custom_dir"):
        zensical_theme["custom_dir"] = "../" + theme["custom_dir"]
    cfg = {
        "INHERIT": f"../mkdocs.{lang}.yml",
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": zensical_theme,
    }
    return f"# Generated by Torv for Zensical from ../mkdocs.{lang}.yml: do not edit.\n" + yaml.safe_dump(
        cfg, allow_unicode=True, sort_keys=False, width=1000
    )


def render_language(chosen: Renderer, build_dir: str, lang: str, strict: bool = True) -> Run:
    """Render one language of the build tree into build/<lang>/site/."""
    config = chosen.config_path(build_dir, lang)
    if chosen.name == "zensical":
        with open(os.path.join(build_dir, f"mkdocs.{lang}.yml"), encoding="utf-8") as fh:
            text = zensical_config(fh.read(), lang)
        with open(config, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONWARNINGS="ignore")
    cwd = os.path.dirname(config) if chosen.name == "zensical" else None
    proc = subprocess.run(chosen.command(config, strict), capture_output=True, text=True, env=env, cwd=cwd)
    output = ANSI.sub("", proc.stdout + proc.stderr).strip()
    if chosen.name == "zensical":
        # It reports every build ("Build started", "No issues found", "Build finished in 0.8s").
        output = "\n".join(line for line in output.splitlines() if not line.startswith(ZENSICAL_CHATTER)).strip()
    return Run(lang, proc.returncode, output)


__all__ = [
    "DEFAULT",
    "MATERIAL",
    "RENDERERS",
    "ZENSICAL",
    "Renderer",
    "RendererMissing",
    "Run",
    "render_language",
    "renderer",
    "zensical_config",
]
