"""Time the live preview (`make serve`) as an editor meets it: save a news item, then measure how long
until the preview serves the changed page (polled over HTTP) and until the open page in Chromium has
reloaded itself and shows the change (its DOMContentLoaded, on the same clock as the save)."""

from __future__ import annotations

import dataclasses
import os
import queue
import re
import signal
import subprocess
import threading
import time
import urllib.request
import uuid

from .archive import Archive
from .measure import RENDER_ENV, news_pages, torv_serve_command

START_TIMEOUT_S = 600
SAVE_TIMEOUT_S = 180
POLL_S = 0.02  # the open page is checked this often (in the browser)
SERVED_POLL_S = 0.1  # the preview server is asked this often: the preview builds in the same process
SETTLE_S = 1.5  # after a reload, before the next save: the preview is idle again
ADDRESS = re.compile(r"Preview on (http://127\.0\.0\.1:\d+/)")
REBUILD = "rebuilding the preview"  # serve.py's line when it starts a rebuild
REBUILT = "Rebuilt "  # incremental.py's line saying what a build rendered again


@dataclasses.dataclass(frozen=True)
class SaveTimes:
    served: tuple  # seconds from each save to the changed page being served
    browser: tuple  # seconds from each save to the open page showing the change
    first_build: float  # seconds from starting the preview to its first page
    problem: str = ""  # why there are no figures
    rebuilds: int = 0  # rebuilds the preview started after its first build (one per save expected)
    rebuilt: tuple = ()  # what each rebuild did, as the preview says it ("Rebuilt da (1 page: ...) (...)")


def _lines(proc: subprocess.Popen) -> queue.Queue:
    lines: queue.Queue = queue.Queue()

    stdout = proc.stdout
    assert stdout is not None, "the preview was started without stdout=PIPE"

    def read():
        for line in stdout:
            lines.put(line)

    threading.Thread(target=read, daemon=True).start()
    return lines


def _wait_for_address(proc, lines: queue.Queue) -> str:
    deadline = time.monotonic() + START_TIMEOUT_S
    seen = []
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            if proc.poll() is not None:
                break
            continue
        seen.append(line)
        m = ADDRESS.search(line)
        if m:
            return m.group(1)
    raise RuntimeError("the preview did not start:\n" + "".join(seen[-20:]))


def _drain(lines: queue.Queue) -> list:
    out = []
    while True:
        try:
            out.append(lines.get_nowait())
        except queue.Empty:
            return out


def _served(url: str, marker: str, since: float) -> float:
    deadline = time.monotonic() + SAVE_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                if marker in resp.read().decode("utf-8", "replace"):
                    return time.time() - since
        except OSError:
            pass
        time.sleep(SERVED_POLL_S)
    return float("nan")


SHOWN = """m => {
  if (!document.body || !document.body.innerText.includes(m)) return null;
  const nav = performance.getEntriesByType('navigation')[0];
  return performance.timeOrigin + (nav ? nav.domContentLoadedEventEnd : performance.now());
}"""


def _shown(page, marker: str, since: float) -> float:
    from playwright.sync_api import Error

    deadline = time.monotonic() + SAVE_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            at = page.evaluate(SHOWN, marker)
        except Error:  # the page is reloading
            at = None
        if at:
            return at / 1000 - since
        time.sleep(POLL_S)
    return float("nan")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def measure_saves(archive: Archive, browser, saves: int = 3) -> SaveTimes:
    """Start the preview of the archive, open an item's page, and save that item `saves` times."""
    lang = archive.languages[0]
    item = archive.items[len(archive.items) // 2]
    source = os.path.join(archive.root, item.folder, f"{item.id}.{lang}.md")
    with open(source, encoding="utf-8") as fh:
        original = fh.read()
    started = time.time()
    proc = subprocess.Popen(
        torv_serve_command(archive.root, archive.today),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=dict(os.environ, **RENDER_ENV),
    )
    served: list[float] = []
    shown: list[float] = []
    try:
        lines = _lines(proc)
        base = _wait_for_address(proc, lines)
        first = time.time() - started
        out = os.path.join(archive.root, "build", "preview", "site")
        path = news_pages(out, archive, default_at_root=False)[lang].get(item.id)
        if path is None:
            return SaveTimes((), (), first, f"the preview has no page for {item.id}")
        url = base + path.removesuffix("index.html")
        context = browser.new_context()
        page = context.new_page()
        page.goto(url, wait_until="load")
        for k in range(saves):
            marker = f"Bench edit {k} {uuid.uuid4().hex[:8]}"
            result: dict = {}
            since = time.time()
            with open(source, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(f"{original.rstrip()}\n\n{marker}\n")
            poller = threading.Thread(
                target=lambda result=result, marker=marker, since=since: result.update(t=_served(url, marker, since))
            )
            poller.start()
            shown.append(_shown(page, marker, since))
            poller.join()
            served.append(result["t"])
            time.sleep(SETTLE_S)
        context.close()
        log = _drain(lines)
        rebuilds = sum(REBUILD in line for line in log)
        rebuilt = tuple(line.strip() for line in log if line.startswith(REBUILT))
        return SaveTimes(tuple(served), tuple(shown), first, rebuilds=rebuilds, rebuilt=rebuilt)
    except RuntimeError as exc:
        return SaveTimes((), (), float("nan"), str(exc))
    finally:
        _stop(proc)
        with open(source, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(original)
