"""Refresh the README's screenshot, .github/screenshot-home.png: the Danish home page at desktop size.

    .venv/bin/python -m torv.screenshot --today 2026-11-22   # build the content for that date, then shoot
    .venv/bin/python -m torv.screenshot --site site           # shoot an already built site/

A tool for Torv's developers, not part of the `torv` command: run it at the top of the repository.
Needs the test requirements (Playwright: `make test` installs them) and Debian's chromium. The site is
served on 127.0.0.1 only and the browser can reach no other host. tests/test_screenshots.py takes its
screenshots with the same `capture` function.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import os
import shutil
import sys
import tempfile
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright, ViewportSize

README_SHOT = os.path.join(".github", "screenshot-home.png")  # from the repository's top
VIEWPORTS: dict[str, ViewportSize] = {
    "desktop": {"width": 1280, "height": 800},
    "mobile": {"width": 390, "height": 844},
}
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",  # nothing leaves the machine
]


def capture(browser: Browser, url: str, path: str, viewport: str = "desktop", requests: list[str] | None = None) -> str:
    """A full-page PNG of `url` at a viewport ("desktop" 1280x800 or "mobile" 390x844), saved to `path`.
    Every URL the page requests is appended to `requests` when given."""
    mobile = viewport == "mobile"
    context = browser.new_context(
        viewport=VIEWPORTS[viewport], device_scale_factor=1, is_mobile=mobile, has_touch=mobile, reduced_motion="reduce"
    )
    try:
        page = context.new_page()
        if requests is not None:
            page.on("request", lambda request: requests.append(request.url))
        response = page.goto(url, wait_until="load")
        if response is None or not response.ok:
            raise RuntimeError(f"{url}: {response.status if response else 'no response'}")
        page.evaluate("document.fonts.ready.then(() => true)")
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        page.screenshot(path=path, full_page=True, animations="disabled")
    finally:
        context.close()
    return path


def readme_screenshot(browser: Browser, base_url: str, path: str) -> str:
    """The README's picture: the Danish home page, desktop size."""
    return capture(browser, base_url.rstrip("/") + "/da/", path, "desktop")


def serve_folder(folder: str) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve a folder on 127.0.0.1 (any free port) in a thread: (base URL, server)."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def launch(playwright: Playwright) -> Browser:
    if not os.path.exists(CHROMIUM):
        raise SystemExit("Chromium is not installed: `apt-get install chromium` (or run `make test`)")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m torv.screenshot", description="Refresh .github/screenshot-home.png (the README's screenshot)."
    )
    parser.add_argument("--root", default=os.getcwd(), help="the repository folder (default: here)")
    parser.add_argument(
        "--site",
        help="an already built site folder (default: build the repository's content into a temporary folder first)",
    )
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        help="the build date when building, e.g. 2026-11-22 (default: today)",
    )
    parser.add_argument("--out", default=None, help=f"where to save the PNG (default: {README_SHOT} in the repository)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from .build import build

    root = os.path.abspath(args.root)
    tmp = None
    site = args.site
    if not site:
        tmp = tempfile.mkdtemp(prefix="torv-screenshot-")
        site = os.path.join(tmp, "site")
        if build(root, today=args.today, out=site) != 0:
            shutil.rmtree(tmp, ignore_errors=True)
            return 1
    try:
        url, server = serve_folder(os.path.abspath(site))
        with sync_playwright() as p:
            browser = launch(p)
            try:
                path = readme_screenshot(browser, url, args.out or os.path.join(root, README_SHOT))
            finally:
                browser.close()
        server.shutdown()
        print(f"Saved {os.path.relpath(path)}")
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
