"""Shared fixtures: the sample site built once per test session, served on 127.0.0.1, and a browser.

The build date is fixed (BUILD_DATE) so that "upcoming" and "past" meetings are deterministic.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading

import pytest

try:
    # Debian's Chromium, which may reach nothing but 127.0.0.1: the same browser as the README's screenshot.
    from torv.screenshot import CHROMIUM, CHROMIUM_ARGS
except ModuleNotFoundError as exc:
    if exc.name != "torv":
        raise
    raise pytest.UsageError(
        f"Torv is not installed in {sys.executable}: run `make test`, which installs it into .venv/"
    ) from exc

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Torv's own tests build this frozen fixture site, never the municipality's content at the root.
FIXTURES = os.path.join(ROOT, "tests", "fixtures")
FIXTURE = os.path.join(FIXTURES, "havbjerg")
CONTENT = ("mkdocs.yml", "policy", "news", "docs")
# The `torv` command of the installed package (`make` installs it into .venv/), as a subprocess.
TORV = [sys.executable, "-m", "torv"]
BUILD_DATE = "2026-11-22"
ARTIFACTS = os.path.join(ROOT, "tests", "artifacts")  # kept by CI (screenshots, reports)

from renderers import RENDERER  # noqa: E402


def copy_repo(dest: str, fixture: str = FIXTURE) -> str:
    """A temporary site: a fixture's content and configuration with Torv's theme (no site/, build/, .venv)."""
    for name in CONTENT + ("overrides",):
        src = os.path.join(fixture if name in CONTENT else ROOT, name)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(dest, name))
        else:
            shutil.copy2(src, os.path.join(dest, name))
    return dest


def run_build(root: str, *args: str) -> subprocess.CompletedProcess:
    """Build with the renderer under test (TORV_RENDERER, see renderers.py), unless args name one."""
    renderer = () if "--renderer" in args else ("--renderer", RENDERER)
    return subprocess.run(
        [*TORV, "build", "--root", root, "--today", BUILD_DATE, *renderer, *args], capture_output=True, text=True
    )


@pytest.fixture(scope="session")
def sample_repo(tmp_path_factory) -> str:
    """A copy of the sample repository, built once: <copy>/site/ holds the site."""
    root = copy_repo(str(tmp_path_factory.mktemp("sample")))
    proc = run_build(root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return root


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Fixture site name (tests/fixtures/<name>) -> its built site/ folder; each is copied and built once per
    session, when first needed."""
    sites: dict[str, str] = {}

    def get(name: str) -> str:
        if name not in sites:
            root = copy_repo(str(tmp_path_factory.mktemp(name)), os.path.join(FIXTURES, name))
            proc = run_build(root)
            assert proc.returncode == 0, proc.stdout + proc.stderr
            sites[name] = os.path.join(root, "site")
        return sites[name]

    return get


@pytest.fixture(scope="session")
def site_dir(sample_repo) -> str:
    return os.path.join(sample_repo, "site")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: str):
    """Serve a folder on 127.0.0.1 (random port) in a thread; returns (base_url, server)."""
    handler = functools.partial(_Quiet, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def site_url(site_dir):
    url, server = serve(site_dir)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            "Chromium is not installed: run `make test` (it installs Debian's chromium) or `apt-get install chromium`"
        )
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="session")
def artifacts() -> str:
    os.makedirs(ARTIFACTS, exist_ok=True)
    return ARTIFACTS
