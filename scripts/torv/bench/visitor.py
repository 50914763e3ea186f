"""What a visitor's browser loads for a page: every request Chromium makes opening it with an empty
cache (the search worker's too), by kind (HTML, CSS, JS, search index, sitemaps, other), in bytes as
stored and gzip-compressed as a web server would send them. Material's language selector fetches the
sitemap.xml of every language on every page, so the sitemaps are counted apart: they grow with the archive."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import http.server
import os
import threading
import urllib.parse

from ..screenshot import CHROMIUM, CHROMIUM_ARGS  # nothing may leave the machine
from .measure import gzipped_size

KINDS = ("HTML", "CSS", "JS", "search index", "sitemaps", "other")


@contextlib.contextmanager
def chromium():
    """A headless Chromium (Playwright), or None with the reason when there is none."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        yield None, "Playwright is not installed (requirements-test.txt)"
        return
    if not os.path.exists(CHROMIUM):
        yield None, f"no Chromium at {CHROMIUM}"
        return
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser, ""
        finally:
            browser.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(folder: str):
    """Serve a folder on 127.0.0.1 (any free port) while in the block; yields the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclasses.dataclass(frozen=True)
class Load:
    path: str
    raw: dict  # kind -> bytes as stored
    gzip: dict  # kind -> bytes gzip-compressed
    requests: int  # answered from the site's files
    not_found: int  # asked of the site, no such file (counted as 0 bytes)


def kind_of(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    if name == "search_index.json":
        return "search index"
    if name == "sitemap.xml":
        return "sitemaps"
    if path.endswith("/") or name.endswith(".html"):
        return "HTML"
    if name.endswith(".css"):
        return "CSS"
    if name.endswith(".js"):
        return "JS"
    return "other"


def page_load(browser, base_url: str, folder: str, path: str) -> Load:
    """Open base_url + path in a new browser context and add up what it fetched from folder."""
    context = browser.new_context()
    fetched: list[str] = []
    context.on("requestfinished", lambda request: fetched.append(request.url))
    try:
        page = context.new_page()
        page.goto(base_url + path, wait_until="networkidle")
    finally:
        context.close()
    raw = dict.fromkeys(KINDS, 0)
    zipped = dict.fromkeys(KINDS, 0)
    count = missing = 0
    for url in dict.fromkeys(fetched):
        if not url.startswith(base_url):
            continue
        rel = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
        file = os.path.join(folder, rel.lstrip("/"))
        if rel.endswith("/"):
            file = os.path.join(file, "index.html")
        if not os.path.isfile(file):
            missing += 1
            continue
        with open(file, "rb") as fh:
            data = fh.read()
        kind = kind_of(rel)
        raw[kind] += len(data)
        zipped[kind] += gzipped_size(data)
        count += 1
    return Load(path, raw, zipped, count, missing)


def page_loads(browser, site: str, paths: dict) -> dict:
    """{name: Load} for {name: path below the site}, the site served from its folder."""
    with serving(site) as base_url:
        return {name: page_load(browser, base_url, site, path) for name, path in paths.items()}
